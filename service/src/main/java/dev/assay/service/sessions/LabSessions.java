package dev.assay.service.sessions;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.NotFound;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.Sql;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts lab sessions (a warm environment when the lab's pool has one, else a cold provision), and after a
 * restart re-attaches the live ones to their environments. Every state change is a transition in the session's
 * event log; docs/sessions.md has the states.
 */
public final class LabSessions {
    private static final Logger LOG = LoggerFactory.getLogger(LabSessions.class);

    /** What one recovery pass found. */
    public record Recovery(int reattached, int interrupted, int restartedProvisioning, List<LabSession> grading) {}

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final SessionEnvironments environments;
    private final WarmPools pools;
    private final Variants variants;
    private final Duration expiryMargin;
    private final Clock clock;
    private final Timer warmStarts;
    private final Timer coldStarts;
    private final Counter failedStarts;
    private final Counter reattached;

    public LabSessions(
            Jdbi jdbi,
            LabCatalog catalog,
            SessionEnvironments environments,
            WarmPools pools,
            Duration expiryMargin,
            Clock clock,
            MetricRegistry metrics) {
        this(jdbi, catalog, environments, pools, Variants.defaultsOnly(jdbi), expiryMargin, clock, metrics);
    }

    /** {@code variants} draws each new session's lab parameter values (the installation's variant key). */
    public LabSessions(
            Jdbi jdbi,
            LabCatalog catalog,
            SessionEnvironments environments,
            WarmPools pools,
            Variants variants,
            Duration expiryMargin,
            Clock clock,
            MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.environments = environments;
        this.pools = pools;
        this.variants = variants;
        this.expiryMargin = expiryMargin;
        this.clock = clock;
        this.warmStarts = metrics.timer("assay.sessions.start.warm");
        this.coldStarts = metrics.timer("assay.sessions.start.cold");
        this.failedStarts = metrics.counter("assay.sessions.start.failed");
        this.reattached = metrics.counter("assay.sessions.reattached");
    }

    /**
     * The assessment's own labs (composed or picked at invitation), in their order; for an assessment made before
     * labs were per candidate, its stage's fixed labs. Labs missing from the catalog are skipped.
     */
    public List<Lab> labsOf(AssessmentSummary assessment) {
        return AssessmentLabs.of(jdbi, assessment, catalog.role(assessment.roleId())).stream()
                .flatMap(id -> catalog.lab(id).stream())
                .toList();
    }

    /** The labs of one stage of a role, in the role's order. */
    public List<Lab> labsOf(String roleId, String stageId) {
        return catalog.role(roleId).stream()
                .flatMap(role -> role.stages().stream())
                .filter(stage -> stage.id().equals(stageId))
                .flatMap(stage -> stage.labs().stream())
                .flatMap(id -> catalog.lab(id).stream())
                .toList();
    }

    /** The lab parameter values recorded for the session when it was made (the lab's defaults if none were). */
    public Map<String, String> values(long sessionId, Lab lab) {
        return variants.of(sessionId, lab);
    }

    /**
     * Why a session past its deadline is handed in: the stage's window closed on it (a lab started late), or its own
     * time limit (perhaps extended) ran out.
     */
    public HandIn handInAtDeadline(long sessionId) {
        LabSession session = jdbi.withExtension(LabSessionDao.class, dao -> dao.find(sessionId))
                .orElseThrow(() -> new NotFound("no lab session " + sessionId));
        return endsWithWindow(session) ? HandIn.windowClosed() : HandIn.timeUp();
    }

    /** Whether the session's deadline is its stage window's close rather than the lab's own time limit. */
    public boolean endsWithWindow(LabSession session) {
        Optional<AssessmentSummary> assessment =
                jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(session.assessmentId()));
        return assessment.isPresent()
                && StageWindow.of(labsOf(assessment.get()), sessionsOf(session.assessmentId()))
                        .endsWith(session.deadlineAt());
    }

    public List<LabSession> sessionsOf(long assessmentId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.forAssessment(assessmentId));
    }

    /**
     * Starts the lab for the assessment, or returns the attempt already made: a second click, a reload or a
     * racing request all get the first attempt's session, never a second environment. A failed start may be
     * started again. Throws {@link NotFound} for a lab outside the assessment's stage, and
     * {@link EnvironmentException} when the environment could not be made (the session is then
     * {@code provision_failed} with the cause in its log). Throws {@link StageWindow.Closed} when the candidate's
     * window for the stage has closed; a lab started late ends when the window closes.
     */
    public LabSession start(long assessmentId, String labId) {
        AssessmentSummary assessment = jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .orElseThrow(() -> new NotFound("no assessment " + assessmentId));
        List<Lab> labs = labsOf(assessment);
        Lab lab = labs.stream()
                .filter(candidate -> candidate.id().equals(labId))
                .findFirst()
                .orElseThrow(() -> new NotFound("no lab " + labId + " in this assessment"));
        Optional<LabSession> latest = jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessmentId, labId));
        if (latest.isPresent() && latest.get().state() != SessionState.PROVISION_FAILED) {
            return latest.get();
        }
        StageWindow window = StageWindow.of(labs, sessionsOf(assessmentId));
        if (window.closedAt(clock.instant())) {
            throw new StageWindow.Closed(window);
        }
        long sessionId;
        if (latest.isEmpty()) {
            Map<String, String> drawn = variants.draw(assessmentId, lab);
            String values = drawn.isEmpty() ? null : Variants.json(drawn);
            try {
                sessionId = jdbi.withExtension(
                        LabSessionDao.class,
                        dao -> dao.insert(assessmentId, labId, lab.version(), 1, clock.instant(), values));
            } catch (UnableToExecuteStatementException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                return current(assessmentId, labId); // a racing start made it first
            }
        } else {
            sessionId = latest.get().id();
            boolean mine = jdbi.withExtension(
                    LabSessionDao.class,
                    dao -> dao.transition(
                            sessionId,
                            SessionState.PROVISION_FAILED,
                            SessionState.PROVISIONING,
                            null,
                            "started again",
                            clock.instant()));
            if (!mine) {
                return current(assessmentId, labId);
            }
        }
        // the first start opens the window: read it again so this session's own creation counts
        provision(lab, sessionId, StageWindow.of(labs, sessionsOf(assessmentId)), variants.of(sessionId, lab));
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.find(sessionId))
                .orElseThrow(() -> new IllegalStateException("lab session " + sessionId + " vanished"));
    }

    private LabSession current(long assessmentId, String labId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessmentId, labId))
                .orElseThrow(() -> new IllegalStateException("no session of lab " + labId + " after a conflict"));
    }

    private void provision(Lab lab, long sessionId, StageWindow window, Map<String, String> values) {
        String label = Long.toString(sessionId);
        long started = System.nanoTime();
        try {
            EnvironmentDriver driver =
                    environments.driverFor(lab.id(), lab.environment().kind());
            // a pooled environment was set up before any session, so with no values: labs with parameters are not
            // pooled
            Optional<EnvironmentHandle> warm =
                    lab.parameters().isEmpty() ? pools.claim(lab.id(), label) : Optional.empty();
            EnvironmentHandle handle;
            if (warm.isPresent()) {
                handle = warm.get();
                warmStarts.update(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            } else {
                Instant expires =
                        window.deadline(clock.instant(), lab.timeLimit()).plus(expiryMargin);
                handle = driver.provision(LabRequests.of(lab, label, expires, values));
                Instant now = clock.instant();
                jdbi.useExtension(
                        EnvironmentHandleDao.class, dao -> dao.insert(sessionId, lab.id(), handle, now, expires));
                coldStarts.update(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Instant now = clock.instant();
            String detail = "environment " + shortId(handle) + " ready in " + millis + " ms ("
                    + (warm.isPresent() ? "warm pool" : "provisioned") + ")";
            boolean activated = jdbi.withExtension(
                    LabSessionDao.class,
                    dao -> dao.transition(
                            sessionId,
                            SessionState.PROVISIONING,
                            SessionState.ACTIVE,
                            window.deadline(now, lab.timeLimit()),
                            detail,
                            now));
            if (!activated) {
                LOG.warn(
                        "lab session {} left provisioning while its environment was made; the reaper removes it",
                        sessionId);
            }
        } catch (RuntimeException e) {
            // any failure, the engine's or our own (a database error while binding a pool environment), ends
            // the attempt as provision_failed, so the candidate is offered "Try again" instead of a hang
            failedStarts.inc();
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                jdbi.useExtension(
                        LabSessionDao.class,
                        dao -> dao.transition(
                                sessionId,
                                SessionState.PROVISIONING,
                                SessionState.PROVISION_FAILED,
                                null,
                                cause,
                                clock.instant()));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // the restart's recovery will fail the attempt instead
            }
            LOG.warn("lab session {} ({}) could not start: {}", sessionId, lab.id(), cause);
            throw e;
        }
    }

    private static String shortId(EnvironmentHandle handle) {
        String id = handle.externalId();
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /**
     * After a restart: every active or grading session whose environment still runs is re-attached (noted in
     * its log, nothing recreated); one whose environment is gone or stopped is {@code interrupted}; one caught
     * mid-provisioning (its setup may be half-done) becomes {@code provision_failed} so the candidate starts it
     * afresh, and the reaper removes what was made. Throws {@link EnvironmentException.EngineUnavailable} when
     * the engine cannot be asked (the caller retries; the sessions handled so far stay handled).
     */
    public Recovery recover() {
        int attached = 0;
        int interrupted = 0;
        int restarted = 0;
        List<LabSession> grading = new ArrayList<>();
        List<LabSession> live = jdbi.withExtension(LabSessionDao.class, dao -> dao.inStates(SessionState.live()));
        for (LabSession session : live) {
            if (session.state() == SessionState.PROVISIONING) {
                if (move(
                        session,
                        SessionState.PROVISION_FAILED,
                        "the service restarted while the environment was" + " being prepared; start the lab again")) {
                    restarted++;
                }
                continue;
            }
            Optional<SessionEnvironments.Bound> bound = environments.of(session.id());
            if (bound.isEmpty()) {
                if (move(session, SessionState.INTERRUPTED, "no environment on record after a restart")) {
                    interrupted++;
                }
                continue;
            }
            EnvironmentHandle handle = bound.get().handle();
            EnvironmentStatus status = bound.get().driver().status(handle);
            if (status == EnvironmentStatus.RUNNING) {
                Instant now = clock.instant();
                jdbi.useExtension(
                        LabSessionDao.class,
                        dao -> dao.event(
                                session.id(),
                                session.state(),
                                session.state(),
                                "re-attached to environment " + shortId(handle) + " after a restart",
                                now));
                reattached.inc();
                attached++;
                if (session.state() == SessionState.GRADING) {
                    grading.add(session);
                }
            } else if (move(
                    session,
                    SessionState.INTERRUPTED,
                    "environment " + shortId(handle) + " was " + status.name().toLowerCase(java.util.Locale.ROOT)
                            + " after a restart")) {
                interrupted++;
            }
        }
        return new Recovery(attached, interrupted, restarted, List.copyOf(grading));
    }

    private boolean move(LabSession session, SessionState to, String detail) {
        Instant now = clock.instant();
        return jdbi.withExtension(
                LabSessionDao.class, dao -> dao.transition(session.id(), session.state(), to, null, detail, now));
    }
}
