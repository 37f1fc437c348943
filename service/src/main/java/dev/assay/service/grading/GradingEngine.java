package dev.assay.service.grading;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Grader;
import dev.assay.grading.GraderRegistry;
import dev.assay.grading.LabInterferenceException;
import dev.assay.grading.LabUnavailableException;
import dev.assay.service.catalog.Lab;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a lab's checks against one environment: a few at a time, sharing one probe container per run, each within its own timeout, each result handed
 * to the caller the moment it is known (so a later timeout or crash never loses an earlier result). A grader
 * that throws, or an engine that stops answering, makes that check not gradable; it never fails the candidate.
 */
public final class GradingEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GradingEngine.class);
    /** Checks of one grading run at a time: probes start containers, so a little parallelism pays. */
    private static final int PARALLEL_CHECKS = 4;
    /** Past the check's own timeout, the grader gets this long to return before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final GraderRegistry graders;
    private final Clock clock;
    private final ExecutorService workers;

    /**
     * Workers are created as needed (a grading run keeps at most {@value #PARALLEL_CHECKS} busy), so one run's
     * checks never wait behind another's and a queue can never eat a check's timeout.
     */
    public GradingEngine(GraderRegistry graders, Clock clock) {
        this.graders = graders;
        this.clock = clock;
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "assay-grader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Grades the checks {@code which} selects, in the lab's order of results, passing each to {@code sink} as it
     * finishes. Returns every outcome.
     */
    public List<CheckOutcome> grade(
            Lab lab,
            EnvironmentDriver driver,
            EnvironmentHandle handle,
            Predicate<Lab.Check> which,
            Consumer<CheckOutcome> sink) {
        return grade(lab, lab.parameters().defaults(), driver, handle, which, sink);
    }

    /**
     * As above, for a session with these parameter values: every {@code {{name}}} in a check's {@code with:}, and in
     * the lab's own files a grader reads (hidden tests), is replaced by its value before the grader sees it, so
     * graders get resolved values.
     */
    public List<CheckOutcome> grade(
            Lab lab,
            java.util.Map<String, String> values,
            EnvironmentDriver driver,
            EnvironmentHandle handle,
            Predicate<Lab.Check> which,
            Consumer<CheckOutcome> sink) {
        List<Lab.Check> checks = lab.checks().stream().filter(which).toList();
        List<CheckOutcome> outcomes = new ArrayList<>();
        Semaphore slots = new Semaphore(PARALLEL_CHECKS, true);
        Duration lifetime = checks.stream().map(Lab.Check::timeout).reduce(Duration.ofSeconds(30), Duration::plus);
        try (SharedProbe probe = new SharedProbe(driver, handle, lifetime)) {
            List<Future<CheckOutcome>> running = new ArrayList<>();
            for (Lab.Check check : checks) {
                running.add(workers.submit(() -> {
                    slots.acquire();
                    try {
                        return gradeOne(
                                check,
                                lab.parameters().substitute(check.parameters(), values),
                                driver,
                                handle,
                                probe,
                                lab.directory(),
                                values);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (int i = 0; i < checks.size(); i++) {
                CheckOutcome outcome = await(checks.get(i), running.get(i));
                sink.accept(outcome);
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private CheckOutcome await(Lab.Check check, Future<CheckOutcome> future) {
        Instant started = clock.instant();
        try {
            return future.get(check.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return notGradable(check, "the grader did not finish within " + check.timeout(), started);
        } catch (ExecutionException e) {
            LOG.warn("grader {} failed on check {}", check.grader(), check.id(), e.getCause());
            return notGradable(check, "the grader failed: " + e.getCause(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notGradable(check, "grading was interrupted", started);
        }
    }

    private CheckOutcome gradeOne(
            Lab.Check check,
            java.util.Map<String, Object> parameters,
            EnvironmentDriver driver,
            EnvironmentHandle handle,
            SharedProbe probe,
            java.nio.file.Path labDirectory,
            java.util.Map<String, String> values) {
        Instant started = clock.instant();
        Grader grader = graders.find(check.grader())
                .orElseThrow(() -> new IllegalStateException("no grader '" + check.grader() + "'"));
        CheckResult result;
        try {
            result = grader.grade(
                    new DriverLabView(
                            driver, handle, probe, started.plus(check.timeout()), clock, labDirectory, values),
                    parameters);
        } catch (LabUnavailableException e) {
            result = CheckResult.notGradable("the lab could not be read: " + e.getMessage());
        } catch (LabInterferenceException e) {
            result = CheckResult.builder(true)
                    .observe("interference", String.valueOf(e.getMessage()))
                    .expect(false, String.valueOf(e.getMessage()))
                    .build();
        }
        return new CheckOutcome(check, grader.version(), result, started, clock.instant());
    }

    private CheckOutcome notGradable(Lab.Check check, String reason, Instant started) {
        String version = graders.find(check.grader()).map(Grader::version).orElse("?");
        return new CheckOutcome(check, version, CheckResult.notGradable(reason), started, clock.instant());
    }

    /** A check that could not be run at all (no environment): not gradable, graded by no grader version. */
    static CheckOutcome notGradableOutcome(Lab.Check check, String reason, Instant at) {
        return new CheckOutcome(check, "-", CheckResult.notGradable(reason), at, at);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
