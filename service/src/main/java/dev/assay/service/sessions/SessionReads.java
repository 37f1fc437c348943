package dev.assay.service.sessions;

import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.CandidateReads;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.LabSessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What the pages and the API read about assessments and their lab sessions: an assessment's summary, a lab's
 * latest attempt, a session's log, the progress-check slot, and each assessment's sessions counted by state.
 */
public final class SessionReads {
    private final Jdbi jdbi;
    private final CandidateReads candidates;

    public SessionReads(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.candidates = new CandidateReads(jdbi);
    }

    /** The assessment and all its lab sessions, read on one connection. */
    public Optional<CandidateReads.Status> status(long assessmentId) {
        return candidates.status(assessmentId);
    }

    public Optional<AssessmentSummary> assessment(long assessmentId) {
        return jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId));
    }

    /** The latest attempt of a lab in an assessment. */
    public Optional<LabSession> latest(long assessmentId, String labId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessmentId, labId));
    }

    /** Every attempt of every lab of the assessment, by lab and attempt. */
    public List<LabSession> sessionsOf(long assessmentId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.forAssessment(assessmentId));
    }

    /** The session's log, oldest first. */
    public List<LabSessionEvent> events(long sessionId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.events(sessionId));
    }

    /**
     * Takes the session's progress-check slot, one per {@code interval}: empty when taken, else when the next one
     * opens. One statement, so double clicks and other replicas cannot both take it.
     */
    public Optional<Instant> takeProgressSlot(long sessionId, Instant now, Duration interval) {
        int taken = jdbi.withExtension(
                LabSessionDao.class, dao -> dao.takeProgressSlot(sessionId, now, now.minus(interval)));
        if (taken == 1) {
            return Optional.empty();
        }
        Instant last = jdbi.withExtension(LabSessionDao.class, dao -> dao.progressCheckedAt(sessionId))
                .orElse(now);
        return Optional.of(last.plus(interval));
    }

    /**
     * How many labs of its own each of these assessments has (composed or picked); absent for one that keeps its
     * stage's.
     */
    public Map<Long, Integer> ownLabCounts(List<Long> assessments) {
        Map<Long, Integer> counts = new HashMap<>();
        if (assessments.isEmpty()) {
            return counts;
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT assessment_id, COUNT(*) FROM assessment_labs"
                        + " WHERE assessment_id IN (<ids>) GROUP BY assessment_id")
                .bindList("ids", assessments)
                .map((rs, ctx) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list());
        return counts;
    }

    /** For each of these assessments, its labs' latest attempts counted by state (wire names). */
    public Map<Long, Map<String, Integer>> latestStatesByAssessment(List<Long> assessments) {
        Map<Long, Map<String, Integer>> states = new HashMap<>();
        if (assessments.isEmpty()) {
            return states;
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT s.assessment_id, s.state, COUNT(*) FROM lab_sessions s"
                        + " WHERE s.assessment_id IN (<ids>) AND s.attempt = (SELECT MAX(o.attempt) FROM lab_sessions o"
                        + " WHERE o.assessment_id = s.assessment_id AND o.lab_id = s.lab_id)"
                        + " GROUP BY s.assessment_id, s.state")
                .bindList("ids", assessments)
                .map((rs, ctx) -> states.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list());
        return states;
    }
}
