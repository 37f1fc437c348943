package dev.assay.service.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the staff dashboard: a candidate taking one stage of one role, and where the invitation stands. */
public record AssessmentSummary(
        long assessmentId,
        long candidateId,
        String candidateName,
        String candidateEmail,
        String roleId,
        String stage,
        String status,
        Instant createdAt,
        @Nullable Instant invitationExpiresAt,
        @Nullable Instant invitationAcceptedAt) {}
