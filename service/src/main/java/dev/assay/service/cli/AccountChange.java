package dev.assay.service.cli;

import dev.assay.service.auth.AccountService;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.User;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code user add} or {@code user reset-password}, wherever it runs: in the command on the database, or in the
 * running service's admin task when the service holds the embedded database. {@code password} null: one is
 * generated and shown once.
 */
public record AccountChange(
        String action,
        String email,
        @Nullable String role,
        @Nullable String name,
        @Nullable String password) {

    /** Applies the change; the lines to show the operator. */
    public List<String> applyTo(AccountService accounts) {
        String chosen = password != null ? password : UserCommand.generatedPassword();
        List<String> lines = new ArrayList<>();
        switch (action) {
            case "add" -> {
                Role wanted = role(role != null ? role : "admin");
                User user = accounts.createUser(email, name != null ? name : email.split("@", 2)[0], wanted, chosen);
                lines.add("Created " + user.role().wire() + " " + user.email() + ".");
            }
            case "reset-password" -> {
                accounts.resetPassword(email, chosen);
                lines.add("Password reset for " + email + "; their sessions were ended.");
            }
            default -> throw new InvalidInputException("unknown action '" + action + "': add or reset-password");
        }
        if (password == null) {
            lines.add("Password (shown only now): " + chosen);
        }
        return lines;
    }

    private static Role role(String wire) {
        try {
            return Role.of(wire);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(String.valueOf(e.getMessage()));
        }
    }
}
