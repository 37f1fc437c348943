package dev.assay.service.sessions;

import dev.assay.service.db.LabSessionDao;
import dev.assay.service.grading.Grading;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clock on every lab: once a second it finds active sessions past their deadline and hands them in
 * for final grading, whatever the browser does (handing in ends their terminals, see Grading#whenHandedIn). Submitting is idempotent, so two
 * replicas (or a candidate's last-second click) racing for one session still give one grading run.
 */
public final class DeadlineKeeper implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineKeeper.class);

    private final Jdbi jdbi;
    private final Grading grading;
    private final Clock clock;
    private final Duration interval;
    private final Set<Long> handing = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(daemon("deadlines"));
    private final ExecutorService graders = Executors.newFixedThreadPool(2, daemon("deadline-grading"));

    public DeadlineKeeper(Jdbi jdbi, Grading grading, Clock clock, Duration interval) {
        this.jdbi = jdbi;
        this.grading = grading;
        this.clock = clock;
        this.interval = interval;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void start() {
        scanner.scheduleWithFixedDelay(this::scan, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scanner.shutdownNow();
        graders.shutdown();
    }

    /** One pass: every active session past its deadline is handed in (each once, on a grading thread). */
    void scan() {
        List<Long> due;
        try {
            due = jdbi.withExtension(LabSessionDao.class, dao -> dao.pastDeadline(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("deadline scan failed, will retry: {}", e.getMessage());
            return;
        }
        for (long id : due) {
            if (!handing.add(id)) {
                continue;
            }
            graders.execute(() -> {
                try {
                    grading.submit(id, "the time limit was reached");
                    LOG.info("lab session {} reached its time limit and was handed in", id);
                } catch (RuntimeException e) {
                    LOG.warn("lab session {}: handing in at the deadline failed: {}", id, e.getMessage());
                } finally {
                    handing.remove(id);
                }
            });
        }
    }
}
