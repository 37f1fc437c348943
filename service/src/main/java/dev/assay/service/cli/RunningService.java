package dev.assay.service.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.auth.OperatorKey;
import dev.assay.service.core.InvalidInputException;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The running service on this machine, reached through its admin port as the configuration names it: for the
 * commands that cannot open the embedded database while the service holds it.
 */
final class RunningService {
    /** H2's "database may be already in use" (the file is locked by another process). */
    private static final int H2_ALREADY_OPEN = 90020;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI admin;
    private final AssayConfiguration config;

    private RunningService(URI admin, AssayConfiguration config) {
        this.admin = admin;
        this.config = config;
    }

    static boolean holdsEmbeddedDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    static RunningService of(AssayConfiguration config) {
        String host = "127.0.0.1";
        int port = 8081;
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            List<ConnectorFactory> connectors = server.getAdminConnectors();
            if (!connectors.isEmpty() && connectors.get(0) instanceof HttpConnectorFactory http) {
                port = http.getPort();
                host = reachable(http.getBindHost());
            }
        }
        return new RunningService(URI.create("http://" + host + ":" + port + "/tasks/"), config);
    }

    private static String reachable(@Nullable String bindHost) {
        return bindHost == null || bindHost.isBlank() || "0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost;
    }

    /** Runs {@code change} in the service; its lines, or the service's refusal as an InvalidInputException. */
    List<String> changeAccount(AccountChange change) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("key", OperatorKey.load(config.getOperatorKeyFile(), false).value())
                .put("action", change.action())
                .put("email", change.email())
                .put("role", change.role())
                .put("name", change.name())
                .put("password", change.password());
        HttpRequest request = HttpRequest.newBuilder(admin.resolve(UserTask.NAME))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InvalidInputException("another process holds the embedded database, and no Assay answers on"
                    + " its admin port (" + admin + "): stop that process, or start the service and try again");
        }
        List<String> lines = answer.body().lines().toList();
        if (answer.statusCode() != 200) {
            throw new InvalidInputException("the running service's admin port answered HTTP " + answer.statusCode()
                    + " to " + admin.resolve(UserTask.NAME));
        }
        for (String line : lines) {
            if (line.startsWith("error: ")) {
                throw new InvalidInputException(line.substring("error: ".length()));
            }
        }
        return lines;
    }
}
