package dev.assay.service.db;

import dev.assay.service.core.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A staff account (interviewer or admin). */
public record User(
        long id,
        String email,
        String displayName,
        Role role,
        String passwordHash,
        Instant createdAt,
        @Nullable Instant disabledAt) {

    public boolean active() {
        return disabledAt == null;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", email=" + email + ", role=" + role.wire() + "]";
    }
}
