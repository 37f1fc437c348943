package dev.assay.service.sessions;

import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.WarmPool;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Warm-pool environments on record in {@code environment_handles}: unclaimed rows have no session, and a claim is
 * the conditional UPDATE that gives one a session, which only one caller can win across replicas and restarts.
 */
public final class DatabaseLedger implements WarmPool.Ledger {
    private final Jdbi jdbi;
    private final String driverKind;
    private final Clock clock;

    public DatabaseLedger(Jdbi jdbi, String driverKind, Clock clock) {
        this.jdbi = jdbi;
        this.driverKind = driverKind;
        this.clock = clock;
    }

    @Override
    public void ready(String labId, WarmPool.Entry entry, Instant expiresAt) {
        jdbi.useExtension(
                EnvironmentHandleDao.class, dao -> dao.insert(null, labId, entry.handle(), entry.created(), expiresAt));
    }

    @Override
    public boolean bind(EnvironmentHandle handle, String sessionId) {
        long session = Long.parseLong(sessionId);
        return jdbi.withExtension(
                        EnvironmentHandleDao.class, dao -> dao.bind(handle.kind(), handle.externalId(), session))
                == 1;
    }

    @Override
    public void destroyed(EnvironmentHandle handle) {
        jdbi.useExtension(
                EnvironmentHandleDao.class,
                dao -> dao.markDestroyed(handle.kind(), handle.externalId(), clock.instant()));
    }

    @Override
    public List<WarmPool.Entry> unclaimed(String labId) {
        return jdbi
                .withExtension(EnvironmentHandleDao.class, dao -> dao.unclaimed(driverKind, labId, clock.instant()))
                .stream()
                .map(row -> new WarmPool.Entry(row.handle(), row.createdAt()))
                .toList();
    }
}
