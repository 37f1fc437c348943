package dev.assay.service.sessions;

import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.environment.DiskUse;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import java.time.Clock;
import java.time.Duration;
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
    private static final Logger LOG = LoggerFactory.getLogger(DiskWatch.class);

    private final Jdbi jdbi;
    private final SessionEnvironments environments;
    private final Submissions grading;
    private final Clock clock;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public DiskWatch(Jdbi jdbi, SessionEnvironments environments, Submissions grading, Clock clock, Duration interval) {
        super("disk-watch", interval);
        this.jdbi = jdbi;
        this.environments = environments;
        this.grading = grading;
        this.clock = clock;
    }

    /** One pass over every driver; an engine that cannot answer now is asked again next interval. */
    @Override
    void scan() {
        for (EnvironmentDriver driver : environments.drivers()) {
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
        Optional<Long> session = environments.sessionOf(use.handle());
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
        HandIn cause = cause(use);
        long sessionId = session.get();
        LOG.warn("lab session {}: environment {} stopped: {}", sessionId, id, cause.detail());
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
            jdbi.useExtension(
                    LabSessionDao.class, dao -> dao.event(sessionId, state, state, cause.detail(), clock.instant()));
        }
    }

    /** The sentence the candidate reads, then the figure for the interviewer. */
    static HandIn cause(DiskUse use) {
        return HandIn.stopped("it wrote more than its " + size(use.limitBytes()) + " of disk. Measured: "
                + size(use.usedBytes()) + " written to its file system.");
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        return (bytes + (1L << 19)) / (1L << 20) + " MiB";
    }
}
