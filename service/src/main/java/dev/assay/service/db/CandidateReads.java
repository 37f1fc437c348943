package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads behind every candidate page view (the session cookie, the assessment, its lab sessions) on Jdbi's
 * fluent API with the hand-written mappers of {@link Rows}. A SQL-object call sets up its method configuration,
 * binders and mappers anew on each call (jdbi/jdbi#2617): about 100-200 us of CPU against 10-20 us here, measured
 * on the reference machine. The SQL is the DAOs' own, so the two paths cannot drift apart.
 */
public final class CandidateReads {
    private final Jdbi jdbi;

    public CandidateReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The assessment of an unexpired candidate session, by the hash of its token. */
    public Optional<Long> assessmentForSession(String tokenHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(AssessmentDao.CANDIDATE_SESSION)
                .bind("tokenHash", tokenHash)
                .bind("now", now)
                .map((rs, ctx) -> rs.getLong(1))
                .findOne());
    }

    /** The assessment and all its lab sessions (every attempt, by lab and attempt), read on one connection. */
    public Optional<Status> status(long assessmentId) {
        return jdbi.withHandle(handle -> handle.createQuery(AssessmentDao.SUMMARY + " WHERE a.id = :id")
                .bind("id", assessmentId)
                .map(Rows.ASSESSMENT_SUMMARY)
                .findOne()
                .map(summary -> new Status(
                        summary,
                        handle.createQuery(LabSessionDao.FOR_ASSESSMENT)
                                .bind("assessmentId", assessmentId)
                                .map(Rows.LAB_SESSION)
                                .list())));
    }

    /** An assessment with its lab sessions. */
    public record Status(AssessmentSummary assessment, List<LabSession> sessions) {}
}
