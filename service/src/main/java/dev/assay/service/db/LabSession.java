package dev.assay.service.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A candidate's attempt at one lab of their assessment ({@link SessionState} has the states). */
public record LabSession(
        long id,
        long assessmentId,
        String labId,
        String labVersion,
        int attempt,
        SessionState state,
        @Nullable Instant deadlineAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The id of this session's one final grading run. */
    public String finalRun() {
        return "final-" + id;
    }

    public boolean isLive() {
        return state.isLive();
    }
}
