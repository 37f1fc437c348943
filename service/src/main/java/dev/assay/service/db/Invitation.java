package dev.assay.service.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invitation row joined with what its landing page shows. The token itself is never stored. */
public record Invitation(
        long id,
        long assessmentId,
        String candidateName,
        String roleId,
        String stage,
        Instant expiresAt,
        @Nullable Instant acceptedAt) {

    public boolean usableAt(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
