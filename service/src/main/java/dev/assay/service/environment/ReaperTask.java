package dev.assay.service.environment;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link Reaper} at start-up and then every {@code interval}, on one daemon thread. */
public final class ReaperTask implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReaperTask.class);

    private final Reaper reaper;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assay-reaper");
        thread.setDaemon(true);
        return thread;
    });

    public ReaperTask(Reaper reaper, Duration interval) {
        this.reaper = reaper;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::sweepAndLog, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepAndLog() {
        try {
            Reaper.Sweep sweep = reaper.sweep();
            if (sweep.removedAny()) {
                LOG.info(
                        "reaper removed {} expired and {} orphaned environment(s); {} kept",
                        sweep.expired().size(),
                        sweep.orphaned().size(),
                        sweep.kept());
            }
            sweep.failures().forEach(failure -> LOG.warn("reaper: {}", failure));
        } catch (RuntimeException e) {
            LOG.error("reaper sweep failed; retrying in {}", interval, e);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
