package dev.assay.service.grading;

import dev.assay.service.db.GradingJobDao;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final gradings this replica holds. A hand-in's job is claimed by the replica that took the hand-in, in
 * the same transaction; while it grades, the lease is renewed every third of its length. A replica that dies
 * stops renewing, and once the lease has run out any replica claims the job ({@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, so two never claim one) and finishes the grading: the checks already stored are kept.
 */
public final class GradingJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GradingJobs.class);

    private final Jdbi jdbi;
    private final String replica;
    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assay-grading-leases");
        thread.setDaemon(true);
        return thread;
    });

    public GradingJobs(Jdbi jdbi, String replica, Duration lease, Clock clock) {
        this.jdbi = jdbi;
        this.replica = replica;
        this.lease = lease;
        this.clock = clock;
    }

    /** This process's name in {@code grading_jobs.claimed_by}: host, pid and a random part. */
    public static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String replica() {
        return replica;
    }

    public Duration lease() {
        return lease;
    }

    /** Claims a hand-in's job for this replica, in the hand-in's own transaction. */
    void claimNew(Handle handle, long session) {
        handle.attach(GradingJobDao.class)
                .insertClaimed(session, replica, clock.instant().plus(lease), clock.instant());
    }

    /** Up to {@code limit} jobs nobody holds (queued, or their replica's lease ran out), now this replica's. */
    List<Long> claimDue(int limit) {
        return jdbi.withExtension(
                GradingJobDao.class,
                dao -> dao.claimDue(replica, clock.instant(), clock.instant().plus(lease), limit));
    }

    /** Runs {@code grading} for a job this replica holds, renewing its lease meanwhile, then marks it done. */
    void holding(long session, Runnable grading) {
        long period = Math.max(200, lease.toMillis() / 3);
        ScheduledFuture<?> renewing =
                renewals.scheduleAtFixedRate(() -> renew(session), period, period, TimeUnit.MILLISECONDS);
        try {
            grading.run();
        } finally {
            renewing.cancel(false);
        }
        jdbi.useExtension(GradingJobDao.class, dao -> dao.finish(session, replica, clock.instant()));
    }

    private void renew(long session) {
        try {
            int held = jdbi.withExtension(
                    GradingJobDao.class,
                    dao -> dao.renew(session, replica, clock.instant().plus(lease)));
            if (held == 0) {
                LOG.warn("lost the lease on grading session {}: another replica may finish it", session);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew the lease on grading session {}: {}", session, e.toString());
        }
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
