package dev.assay.service.sessions;

import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.Reaper;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Tells the reaper which unexpired environments are still needed. An environment is kept when its session label
 * is a live lab session (being provisioned, active or grading), when one of our pools is making or holding it,
 * when it is on record as an unclaimed pool environment or as a live session's, or when it is a pool environment
 * younger than {@code poolGrace} (another replica may be provisioning it and has not recorded it yet).
 */
public final class SessionKeeper implements Reaper.Keeper {
    private final Jdbi jdbi;
    private final WarmPools pools;
    private final Duration poolGrace;
    private final Clock clock;

    public SessionKeeper(Jdbi jdbi, WarmPools pools, Duration poolGrace, Clock clock) {
        this.jdbi = jdbi;
        this.pools = pools;
        this.poolGrace = poolGrace;
        this.clock = clock;
    }

    @Override
    public boolean keep(String driverKind, ManagedEnvironment environment) {
        String label = environment.handle().sessionId();
        if (label.matches("\\d{1,18}")
                && jdbi.withExtension(LabSessionDao.class, dao -> dao.isLive(Long.parseLong(label)))) {
            return true;
        }
        if (pools.holds(label)
                || jdbi.withExtension(
                        EnvironmentHandleDao.class,
                        dao -> dao.isNeeded(driverKind, environment.handle().externalId()))) {
            return true;
        }
        return label.startsWith(WarmPools.PREFIX)
                && environment.createdAt().isAfter(clock.instant().minus(poolGrace));
    }

    @Override
    public void removed(String driverKind, ManagedEnvironment environment) {
        jdbi.useExtension(
                EnvironmentHandleDao.class,
                dao -> dao.markDestroyed(driverKind, environment.handle().externalId(), clock.instant()));
    }
}
