package dev.assay.service.grading;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.Evidence;
import dev.assay.grading.Observation;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.Sql;
import dev.assay.service.db.StoredCheckResult;
import dev.assay.service.db.StoredHandle;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.sessions.HandIn;
import dev.assay.service.sessions.LabEvents;
import dev.assay.service.sessions.SessionEnvironments;
import dev.assay.service.sessions.Submissions;
import dev.assay.service.sessions.Variants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grading of lab sessions: progress checks while the candidate works (visible checks only), and the one final
 * grading at submit or deadline (every check, hidden ones included), after which the environment is removed.
 * The move from active to grading is the guard: of any number of submits, one grades; the final run has a
 * fixed id per session, so its rows can never be written twice, and a run cut short by a crash resumes where it
 * stopped. When a grading ends, {@code graded} hears the assessment's id (the service scores the stage then).
 */
public final class Grading implements Submissions {
    private static final Logger LOG = LoggerFactory.getLogger(Grading.class);
    static final String FINAL = "final";
    static final String PROGRESS = "progress";
    /** Output kept per stored result (the grader saw up to {@link DriverLabView#OUTPUT_CAP}). */
    private static final int STORED_OUTPUT = 16 * 1024;

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final SessionEnvironments environments;
    private final GradingEngine engine;
    private final Clock clock;
    private final ObjectMapper json;
    private final LabEvents events;
    private final Timer finalGrades;
    private final Counter notGradable;
    private final Counter checks;
    private final GradingJobs jobs;

    /** A single-replica grading: jobs leased for a minute under a name of this process. */
    public Grading(
            Jdbi jdbi,
            LabCatalog catalog,
            SessionEnvironments environments,
            GradingEngine engine,
            Clock clock,
            ObjectMapper json,
            MetricRegistry metrics,
            LabEvents events) {
        this(
                jdbi,
                catalog,
                environments,
                engine,
                clock,
                json,
                metrics,
                events,
                new GradingJobs(jdbi, GradingJobs.replicaName(), java.time.Duration.ofMinutes(1), clock));
    }

    public Grading(
            Jdbi jdbi,
            LabCatalog catalog,
            SessionEnvironments environments,
            GradingEngine engine,
            Clock clock,
            ObjectMapper json,
            MetricRegistry metrics,
            LabEvents events,
            GradingJobs jobs) {
        this.jobs = jobs;
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.environments = environments;
        this.engine = engine;
        this.clock = clock;
        this.json = json;
        this.finalGrades = metrics.timer("assay.grading.final");
        this.notGradable = metrics.counter("assay.grading.not-gradable");
        this.checks = metrics.counter("assay.grading.checks");
        this.events = events;
    }

    /**
     * Submits the session and grades it, unless it was submitted already (then nothing happens: the first submit's
     * grading stands). Returns the session as it is afterwards.
     */
    @Override
    public LabSession submit(long sessionId, HandIn handIn) {
        LabSession session = find(sessionId);
        if (session.state() == SessionState.ACTIVE
                && jdbi.inTransaction(handle -> {
                    boolean mine = handle.attach(LabSessionDao.class)
                            .transition(
                                    sessionId,
                                    SessionState.ACTIVE,
                                    SessionState.GRADING,
                                    null,
                                    handIn.detail(),
                                    clock.instant());
                    if (mine) {
                        jobs.claimNew(handle, sessionId);
                    }
                    return mine;
                })) {
            events.publish(new LabEvents.HandedIn(sessionId, session.assessmentId(), handIn));
            jobs.holding(sessionId, () -> gradeFinal(find(sessionId)));
        }
        return find(sessionId);
    }

    /**
     * Claims up to {@code limit} final gradings nobody holds (a replica died while grading, or they were handed
     * in before jobs existed) and finishes them here; returns how many. Any replica may call it at any time.
     */
    public int gradeDue(int limit) {
        List<Long> claimed = jobs.claimDue(limit);
        for (long sessionId : claimed) {
            jobs.holding(sessionId, () -> {
                LabSession session = find(sessionId);
                if (session.state() == SessionState.GRADING) {
                    gradeFinal(session);
                }
            });
        }
        return claimed.size();
    }

    /**
     * Finishes the final gradings that nobody holds any more (a restart interrupted them): the checks already
     * stored are kept, the rest run. A grading whose lease has not yet run out is left to the worker
     * ({@link #gradeDue}), which takes it once it has.
     */
    @Override
    public int resumeDue() {
        int total = 0;
        for (int claimed = gradeDue(8); claimed > 0; claimed = gradeDue(8)) {
            total += claimed;
        }
        return total;
    }

    private void gradeFinal(LabSession session) {
        try (Timer.Context ignored = finalGrades.time()) {
            String run = session.finalRun();
            Set<String> done = jdbi.withExtension(CheckResultDao.class, dao -> dao.checkIdsOf(run));
            Lab lab = lab(session);
            Optional<StoredHandle> stored = environments.stored(session.id());
            Optional<SessionEnvironments.Bound> bound = environments.of(session.id());
            if (bound.isPresent()) {
                engine.grade(
                        lab,
                        values(session, lab),
                        bound.get().driver(),
                        bound.get().handle(),
                        check -> !done.contains(check.id()),
                        outcome -> store(session.id(), run, FINAL, outcome));
                destroy(bound.get());
            } else {
                String why = stored.isEmpty()
                        ? "the environment was gone"
                        : "no driver for " + stored.get().driver();
                for (Lab.Check check : lab.checks()) {
                    if (!done.contains(check.id())) {
                        store(session.id(), run, FINAL, GradingEngine.notGradableOutcome(check, why, clock.instant()));
                    }
                }
            }
            LabResult result = result(session, run).orElseThrow();
            String detail = String.format(
                    java.util.Locale.ROOT,
                    "graded: %.1f of %.1f counted points (%.0f%% of the lab's points count)",
                    result.earned(),
                    result.countedPoints(),
                    result.coverage() * 100);
            boolean finished = jdbi.withExtension(
                    LabSessionDao.class,
                    dao -> dao.transition(
                            session.id(), SessionState.GRADING, SessionState.GRADED, null, detail, clock.instant()));
            if (finished) {
                events.publish(new LabEvents.Graded(session.id(), session.assessmentId()));
            }
        }
    }

    /** Runs the checks the candidate may see, now, and returns only those. Nothing hidden is run or revealed. */
    public LabResult progress(long sessionId) {
        LabSession session = find(sessionId);
        if (session.state() != SessionState.ACTIVE) {
            throw new IllegalStateException("lab session " + sessionId + " is " + session.state() + ", not active");
        }
        Lab lab = lab(session);
        SessionEnvironments.Bound bound = environments.require(sessionId);
        String run = PROGRESS + "-" + UUID.randomUUID();
        Predicate<Lab.Check> visible = check -> check.visibility() == Lab.Visibility.CANDIDATE;
        engine.grade(
                lab,
                values(session, lab),
                bound.driver(),
                bound.handle(),
                visible,
                outcome -> store(sessionId, run, PROGRESS, outcome));
        return result(session, run).orElseThrow();
    }

    /**
     * Runs every check (hidden ones too) against a live session's environment as it is now, stores nothing and
     * changes no state: what {@code ./assay grade <session>} prints for staff.
     */
    public List<CheckOutcome> inspect(long sessionId) {
        LabSession session = find(sessionId);
        if (environments.stored(sessionId).isEmpty()) {
            throw new EnvironmentException.NotFound(
                    "lab session " + sessionId + " (" + session.state() + ") has no environment to grade");
        }
        SessionEnvironments.Bound bound = environments.require(sessionId);
        Lab lab = lab(session);
        return engine.grade(lab, values(session, lab), bound.driver(), bound.handle(), check -> true, outcome -> {});
    }

    /** The lab parameter values recorded for the session ("port 8453, site store"), for staff; empty for none. */
    public String variantOf(long sessionId) {
        return Variants.recorded(jdbi, sessionId)
                .map(values -> values.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .orElse("");
    }

    /** The parameter values recorded for the session when it was made; never drawn again here. */
    private Map<String, String> values(LabSession session, Lab lab) {
        return Variants.recorded(jdbi, session.id())
                .orElseGet(() -> lab.parameters().defaults());
    }

    /** The final result of a session, once grading finished. */
    public Optional<LabResult> finalResult(long sessionId) {
        LabSession session = find(sessionId);
        return session.state() == SessionState.GRADING ? Optional.empty() : result(session, session.finalRun());
    }

    private Optional<LabResult> result(LabSession session, String run) {
        List<StoredCheckResult> rows = jdbi.withExtension(CheckResultDao.class, dao -> dao.ofRun(run));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Results.of(
                session,
                lab(session),
                Variants.recorded(jdbi, session.id()).orElse(Map.of()),
                run,
                rows,
                this::observations,
                this::evidence));
    }

    private void store(long sessionId, String run, String purpose, CheckOutcome outcome) {
        // an interviewer's rubric item waits for a person by design: neither an error nor a graded check
        if (!outcome.check().grader().equals("interviewer")) {
            checks.inc();
            if (outcome.result().verdict().credit().isEmpty()) {
                notGradable.inc();
            }
        }
        String output = outcome.result().output();
        boolean cut = output.length() > STORED_OUTPUT;
        StoredCheckResult row = new StoredCheckResult(
                sessionId,
                run,
                purpose,
                outcome.check().id(),
                outcome.check().grader(),
                outcome.graderVersion(),
                outcome.result().verdict().status(),
                outcome.result().verdict().credit().orElse(null),
                outcome.result().trusted(),
                outcome.result().message(),
                write(outcome.result().observations()),
                write(outcome.result().evidence()),
                cut ? output.substring(0, STORED_OUTPUT) : output,
                cut || outcome.result().outputTruncated(),
                outcome.startedAt(),
                outcome.finishedAt());
        try {
            jdbi.useExtension(CheckResultDao.class, dao -> dao.insert(row));
        } catch (UnableToExecuteStatementException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another replica resumed the same run and stored this check first: its row stands
        }
    }

    private void destroy(SessionEnvironments.Bound bound) {
        StoredHandle stored = bound.stored();
        try {
            bound.driver().destroy(stored.handle());
            jdbi.useExtension(
                    EnvironmentHandleDao.class,
                    dao -> dao.markDestroyed(stored.driver(), stored.externalId(), clock.instant()));
        } catch (EnvironmentException e) {
            LOG.warn("could not remove {} after grading; the reaper will: {}", stored.externalId(), e.getMessage());
        }
    }

    private LabSession find(long sessionId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.find(sessionId))
                .orElseThrow(() -> new dev.assay.service.core.NotFound("no lab session " + sessionId));
    }

    private Lab lab(LabSession session) {
        return catalog.lab(session.labId())
                .orElseThrow(() -> new IllegalStateException(
                        "lab " + session.labId() + " of session " + session.id() + " is no longer in the catalog"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    private List<Observation> observations(String text) {
        return read(text, new TypeReference<List<Observation>>() {});
    }

    private List<Evidence> evidence(String text) {
        return read(text, new TypeReference<List<Evidence>>() {});
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return new ArrayList<>(json.readValue(text, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored result: " + text, e);
        }
    }
}
