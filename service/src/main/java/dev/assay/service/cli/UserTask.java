package dev.assay.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.OperatorKey;
import dev.assay.service.core.InvalidInputException;
import io.dropwizard.servlets.tasks.PostBodyTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /tasks/user} on the admin port: {@code ./assay user add|reset-password} while the running service
 * holds the embedded database. The body is JSON: the operator's key (from its file; the admin port alone is not
 * enough, every local user reaches loopback), the action, email, role, name and, optionally, the password. Answers
 * the lines the command prints; a refusal starts with {@code error: }.
 */
public final class UserTask extends PostBodyTask {
    static final String NAME = "user";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountService accounts;
    private final OperatorKey key;

    public UserTask(AccountService accounts, OperatorKey key) {
        super(NAME);
        this.accounts = accounts;
        this.key = key;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, String body, PrintWriter output) {
        try {
            JsonNode request = JSON.readTree(body.isEmpty() ? "{}" : body);
            if (!request.isObject() || !key.matches(request.path("key").asText(""))) {
                output.println("error: the operator key is missing or wrong (read it from the service's"
                        + " operator key file)");
                return;
            }
            AccountChange change = new AccountChange(
                    request.path("action").asText(""),
                    request.path("email").asText(""),
                    text(request, "role"),
                    text(request, "name"),
                    text(request, "password"));
            change.applyTo(accounts).forEach(output::println);
        } catch (IOException e) {
            output.println("error: the body is not JSON");
        } catch (InvalidInputException e) {
            output.println("error: " + e.getMessage());
        }
    }

    private static @Nullable String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
