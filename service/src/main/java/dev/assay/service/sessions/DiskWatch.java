package dev.assay.service.sessions;

import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.environment.DiskUse;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.grading.Grading;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each lab to the disk it declared where the engine cannot (overlay2 on ext4 has no per-container quota):
 * every {@code interval} it asks each driver what its running environments have written, and one past its
 * declared disk is stopped at once (no more writes), then handed in like a lab whose time ran out, with the
 * reason as the cause: the session's log and the candidate's done page say it. A lab therefore holds at most its
 * disk plus what it writes in one interval. An environment of no session (a warm pool's, whose setup has ended and
 * which nobody can reach) cannot grow and is only reported.
 */
public final class DiskWatch extends PeriodicScan {
    /** How the cause of a lab stopped for its disk begins (the done page and the terminal show it). */
    public static final String STOPPED = "This lab was stopped: ";

    private static final Logger LOG = LoggerFactory.getLogger(DiskWatch.class);

    private final Jdbi jdbi;
    private final List<EnvironmentDriver> drivers;
    private final Grading grading;
    private final Clock clock;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public DiskWatch(Jdbi jdbi, List<EnvironmentDriver> drivers, Grading grading, Clock clock, Duration interval) {
        super("disk-watch", interval);
        this.jdbi = jdbi;
        this.drivers = List.copyOf(drivers);
        this.grading = grading;
        this.clock = clock;
    }

    /** One pass over every driver; an engine that cannot answer now is asked again next interval. */
    @Override
    void scan() {
        for (EnvironmentDriver driver : drivers) {
            try {
                for (DiskUse use : driver.measureDisk()) {
                    if (use.over()) {
                        overDisk(driver, use);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("disk watch: measuring the {} labs failed, will retry: {}", driver.kind(), e.getMessage());
            }
        }
    }

    private void overDisk(EnvironmentDriver driver, DiskUse use) {
        String id = use.handle().externalId();
        Optional<Long> session = sessionOf(use);
        if (session.isEmpty()) {
            if (reported.add(id)) {
                LOG.warn(
                        "disk watch: environment {} of no session holds {} of its {} (its lab's setup writes more"
                                + " than the lab declares: raise environment.resources.disk)",
                        id,
                        size(use.usedBytes()),
                        size(use.limitBytes()));
            }
            return;
        }
        try {
            driver.halt(use.handle());
        } catch (EnvironmentException e) {
            LOG.warn("disk watch: could not stop environment {} (over its disk), will retry: {}", id, e.getMessage());
            return;
        }
        String cause = cause(use);
        long sessionId = session.get();
        LOG.warn("lab session {}: environment {} stopped: {}", sessionId, id, cause);
        Optional<LabSession> found = jdbi.withExtension(LabSessionDao.class, dao -> dao.find(sessionId));
        if (found.isPresent() && found.get().state() == SessionState.ACTIVE) {
            handIn(() -> {
                try {
                    grading.submit(sessionId, cause);
                } catch (RuntimeException e) {
                    LOG.warn("lab session {}: handing in after its disk stop failed: {}", sessionId, e.getMessage());
                }
            });
        } else if (found.isPresent() && found.get().isLive()) {
            SessionState state = found.get().state();
            jdbi.useExtension(LabSessionDao.class, dao -> dao.event(sessionId, state, state, cause, clock.instant()));
        }
    }

    private Optional<Long> sessionOf(DiskUse use) {
        Optional<Long> recorded = jdbi.withExtension(
                EnvironmentHandleDao.class, dao -> dao.sessionOf(use.handle().externalId()));
        String label = use.handle().sessionId();
        if (recorded.isEmpty() && label.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(label)); // a Kubernetes lab's workbench, labelled with its session
        }
        return recorded;
    }

    /** The sentence the candidate reads, then the figure for the interviewer. */
    static String cause(DiskUse use) {
        return STOPPED + "it wrote more than its " + size(use.limitBytes()) + " of disk. Measured: "
                + size(use.usedBytes()) + " written to its file system.";
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return (bytes + (1L << 19)) / (1L << 20) + " MiB";
    }
}
