package dev.assay.service.sessions;

import dev.assay.service.environment.EnvironmentException;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-attaches live lab sessions once at start-up, before the server takes requests. When the engine cannot be
 * reached then, it tries again every {@code retry} in the background until one pass completes. From then on, every
 * {@code retry} it finishes the final gradings nobody holds (a replica or a restart left them: see
 * the grading worker), on whichever replica gets there first.
 */
public final class SessionRecovery implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecovery.class);

    private final LabSessions sessions;
    private final Submissions grading;
    private final Duration retry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assay-session-recovery");
        thread.setDaemon(true);
        return thread;
    });

    public SessionRecovery(LabSessions sessions, Submissions grading, Duration retry) {
        this.sessions = sessions;
        this.grading = grading;
        this.retry = retry;
    }

    @Override
    public void start() {
        if (!attempt()) {
            scheduler.schedule(this::retryUntilDone, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(this::finishLeftGradings, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finishLeftGradings() {
        try {
            int finished = grading.resumeDue();
            if (finished > 0) {
                LOG.info("finished {} final grading(s) that a stopped replica or a restart had left", finished);
            }
        } catch (RuntimeException e) {
            LOG.error("could not finish the final gradings left behind; trying again in {}", retry, e);
        }
    }

    private void retryUntilDone() {
        if (!attempt()) {
            scheduler.schedule(this::retryUntilDone, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean attempt() {
        try {
            LabSessions.Recovery recovery = sessions.recover();
            LOG.info(
                    "lab sessions after start-up: {} re-attached, {} interrupted, {} caught mid-provisioning",
                    recovery.reattached(),
                    recovery.interrupted(),
                    recovery.restartedProvisioning());
            return true;
        } catch (EnvironmentException e) {
            LOG.warn("cannot re-attach lab sessions yet ({}); trying again in {}", e.getMessage(), retry);
            return false;
        }
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
