package dev.assay.service.web;

import dev.assay.service.catalog.Lab;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.StoredCheckResult;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * A lab taken and graded, recorded as the grading would record it: every automated check passed with full credit,
 * every rubric item (the interviewer grader) waiting for its rating. For pages that read graded results without
 * running the labs themselves.
 */
public final class GradedLabs {
    private GradedLabs() {}

    /** A session of the lab that started, was handed in and was graded at {@code at}, with no results yet. */
    public static long gradedSession(Jdbi jdbi, long assessment, String labId, String version, Instant at) {
        return jdbi.withExtension(LabSessionDao.class, dao -> {
            long id = dao.insert(assessment, labId, version, 1, at);
            dao.transition(id, SessionState.PROVISIONING, SessionState.ACTIVE, at, "ready", at);
            dao.transition(id, SessionState.ACTIVE, SessionState.GRADING, null, "submitted", at);
            dao.transition(id, SessionState.GRADING, SessionState.GRADED, null, "graded", at);
            return id;
        });
    }

    /** Records a graded session of the lab for the assessment; returns the session's id. */
    public static long passed(Jdbi jdbi, long assessment, Lab lab) {
        Instant now = Instant.now();
        long session = gradedSession(jdbi, assessment, lab.id(), lab.version(), now);
        for (Lab.Check check : lab.checks()) {
            boolean rubric = check.grader().equals("interviewer");
            jdbi.useExtension(
                    CheckResultDao.class,
                    dao -> dao.insert(new StoredCheckResult(
                            session,
                            "final-" + session,
                            "final",
                            check.id(),
                            check.grader(),
                            "1",
                            rubric ? "error" : "pass",
                            rubric ? null : 1.0,
                            true,
                            rubric ? "awaiting the interviewer's rating (1 to 5) on the review page" : "ok",
                            "[]",
                            "[]",
                            "",
                            false,
                            now,
                            now)));
        }
        return session;
    }
}
