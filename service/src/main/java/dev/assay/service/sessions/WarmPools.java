package dev.assay.service.sessions;

import com.codahale.metrics.MetricRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.WarmPool;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warm pools of the labs named in {@code environments.pools}, each with its configured size. They adopt the
 * unclaimed environments on record at start-up, refill in the background, and are emptied at shutdown. A lab with
 * {@code parameters:} has no pool: its values are drawn per session, and a pooled environment is set up before any
 * session exists.
 */
public final class WarmPools implements Managed {
    /** Session labels of pool environments start with this; nothing else does (sessions are numbers). */
    public static final String PREFIX = "pool-";

    private final Map<String, WarmPool> pools = new LinkedHashMap<>();

    /**
     * @param sizes lab id to pool size, validated here against the catalog: an unknown lab or a lab of another
     *     kind, or a lab with parameters, is a configuration error, reported with what to change.
     */
    public WarmPools(
            Map<String, Integer> sizes,
            LabCatalog catalog,
            EnvironmentDriver driver,
            WarmPool.Ledger ledger,
            Duration maxAge,
            Duration expiryMargin,
            Clock clock,
            MetricRegistry metrics) {
        // the same names whether or not a pool is configured, so dashboards and alerts always find them
        metrics.counter(WarmPool.MISSES);
        metrics.counter(WarmPool.PROVISION_FAILURES);
        metrics.gauge(
                "assay.pools.ready",
                () -> () -> pools.values().stream().mapToInt(WarmPool::ready).sum());
        metrics.gauge(
                "assay.pools.size",
                () -> () -> sizes.values().stream().mapToInt(Integer::intValue).sum());
        for (Map.Entry<String, Integer> configured : sizes.entrySet()) {
            String labId = configured.getKey();
            int size = configured.getValue();
            Lab lab = catalog.lab(labId)
                    .orElseThrow(() -> new IllegalArgumentException("environments.pools names lab '" + labId
                            + "', which is not in the catalog (" + catalog.directory()
                            + "); use one of "
                            + catalog.labs().stream().map(Lab::id).toList()));
            if (!driver.kind().equals(lab.environment().kind())) {
                throw new IllegalArgumentException("environments.pools: lab '" + labId + "' runs on "
                        + lab.environment().kind() + ", and only " + driver.kind() + " labs have warm pools");
            }
            if (!lab.parameters().isEmpty()) {
                // a pool sets environments up before any session exists, so before its parameter values are drawn
                throw new IllegalArgumentException("environments.pools: lab '" + labId + "' has parameters "
                        + lab.parameters().names() + ", drawn per session, so it cannot be set up ahead in a warm pool;"
                        + " remove it from the pools");
            }
            if (size < 0 || size > 100) {
                throw new IllegalArgumentException(
                        "environments.pools: the pool of '" + labId + "' must hold 0 to 100 environments, not " + size);
            }
            Duration lifetime = maxAge.plus(lab.timeLimit()).plus(expiryMargin);
            pools.put(
                    labId,
                    new WarmPool(
                            labId,
                            driver,
                            session ->
                                    LabRequests.of(lab, session, clock.instant().plus(lifetime)),
                            ledger,
                            size,
                            maxAge,
                            clock,
                            metrics));
        }
    }

    @Override
    public void start() {
        pools.values().forEach(WarmPool::start);
    }

    @Override
    public void stop() {
        pools.values().forEach(WarmPool::close);
    }

    /** A ready environment of the lab, now the session's; empty without a pool or when it is drained. */
    public Optional<EnvironmentHandle> claim(String labId, String sessionId) {
        WarmPool pool = pools.get(labId);
        return pool == null ? Optional.empty() : pool.claim(sessionId);
    }

    /** Whether one of our pools is making or holding the environment with this session label. */
    public boolean holds(String environmentSession) {
        return pools.values().stream().anyMatch(pool -> pool.holds(environmentSession));
    }

    /** Ready environments in the lab's pool here; 0 without a pool. */
    public int ready(String labId) {
        WarmPool pool = pools.get(labId);
        return pool == null ? 0 : pool.ready();
    }

    public List<String> labs() {
        return List.copyOf(pools.keySet());
    }
}
