package dev.assay.service.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code check_results}: one check of one grading run, as it was written when it finished. */
public record StoredCheckResult(
        long labSessionId,
        String gradingRun,
        String purpose,
        String checkId,
        String graderId,
        String graderVersion,
        String status,
        @Nullable Double credit,
        boolean trusted,
        @Nullable String message,
        String observations,
        String evidenceRefs,
        @Nullable String output,
        boolean outputTruncated,
        Instant startedAt,
        Instant finishedAt) {}
