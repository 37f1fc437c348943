package dev.assay.service.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One transition of a lab session (or a note on one, such as a re-attachment, where from equals to). */
public record LabSessionEvent(
        @Nullable SessionState fromState,
        SessionState toState,
        @Nullable String detail,
        Instant at) {}
