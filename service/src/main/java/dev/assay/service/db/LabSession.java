package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A candidate's attempt at one lab of their assessment (docs/sessions.md has the states). */
public record LabSession(
        long id,
        long assessmentId,
        String labId,
        String labVersion,
        int attempt,
        String state,
        @Nullable Instant deadlineAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PROVISIONING = "provisioning";
    public static final String PROVISION_FAILED = "provision_failed";
    public static final String ACTIVE = "active";
    public static final String GRADING = "grading";
    public static final String GRADED = "graded";
    public static final String INTERRUPTED = "interrupted";

    /** States in which the session needs its environment: the reaper keeps it, a restart re-attaches it. */
    public static final List<String> LIVE = List.of(PROVISIONING, ACTIVE, GRADING);

    /** The id of this session's one final grading run. */
    public String finalRun() {
        return "final-" + id;
    }

    public boolean isLive() {
        return LIVE.contains(state);
    }
}
