package dev.assay.service.sessions;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A scan on a daemon thread of its own every interval, and two daemon threads that hand sessions in off that
 * thread, so one slow grading never delays the next scan: what the deadline keeper and the disk watch share.
 */
abstract class PeriodicScan implements Managed {
    private final Duration interval;
    private final ScheduledExecutorService scanner;
    private final ExecutorService handIns;

    PeriodicScan(String name, Duration interval) {
        this.interval = interval;
        this.scanner = Executors.newSingleThreadScheduledExecutor(daemon(name));
        this.handIns = Executors.newFixedThreadPool(2, daemon(name + "-grading"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One pass; it catches what it can recover from, and is run again after the interval. */
    abstract void scan();

    /** Runs a hand-in off the scan's thread. */
    final void handIn(Runnable work) {
        handIns.execute(work);
    }

    @Override
    public void start() {
        scanner.scheduleWithFixedDelay(this::scan, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scanner.shutdownNow();
        handIns.shutdown();
    }
}
