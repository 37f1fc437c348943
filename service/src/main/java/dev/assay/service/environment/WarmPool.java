package dev.assay.service.environment;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Environments of one lab, provisioned ahead with the setup already applied, so a candidate's start costs a claim
 * instead of a provision. {@link #claim} is atomic twice over: a queue poll (two threads never get one entry) and
 * the {@link Ledger}'s bind (two replicas, or a replica and its restarted self, never get one environment). Every
 * claim starts a background refill. Entries older than {@code maxAge} are destroyed instead of handed out.
 */
public final class WarmPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);

    /** A ready environment and when it was made. */
    public record Entry(EnvironmentHandle handle, Instant created) {}

    /**
     * Where unclaimed environments are recorded, so that they outlive this process and every claimant agrees on
     * who got one. The service's ledger is the database; {@link #local()} keeps nothing (tests, benchmarks).
     */
    public interface Ledger {
        /** Records a ready, unclaimed environment of {@code labId} before it is offered. */
        void ready(String labId, Entry entry, Instant expiresAt);

        /** Gives the environment to {@code sessionId}; false when someone else already has it. */
        boolean bind(EnvironmentHandle handle, String sessionId);

        /** The environment was removed. */
        void destroyed(EnvironmentHandle handle);

        /** Unclaimed environments of {@code labId} on record (made by this process before a restart, or another). */
        List<Entry> unclaimed(String labId);

        static Ledger local() {
            return new Ledger() {
                @Override
                public void ready(String labId, Entry entry, Instant expiresAt) {}

                @Override
                public boolean bind(EnvironmentHandle handle, String sessionId) {
                    return true;
                }

                @Override
                public void destroyed(EnvironmentHandle handle) {}

                @Override
                public List<Entry> unclaimed(String labId) {
                    return List.of();
                }
            };
        }
    }

    /** Claims that found the pool empty (the session was provisioned cold), all pools of this replica. */
    public static final String MISSES = "assay.pools.misses";
    /** Pool environments that could not be provisioned, all pools of this replica. */
    public static final String PROVISION_FAILURES = "assay.pools.provision-failures";

    private final String labId;
    private final EnvironmentDriver driver;
    private final Function<String, EnvironmentRequest> requestFor;
    private final Ledger ledger;
    private final int size;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Entry> ready = new ConcurrentLinkedQueue<>();
    private final Set<String> pooledSessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService refiller;
    private final Timer claims;
    private final Counter misses;
    private final Counter failures;

    /** {@code requestFor} makes the provisioning request for a pool session id ({@code pool-<lab>-<random>}). */
    public WarmPool(
            String labId,
            EnvironmentDriver driver,
            Function<String, EnvironmentRequest> requestFor,
            Ledger ledger,
            int size,
            Duration maxAge,
            Clock clock,
            MetricRegistry metrics) {
        this.labId = labId;
        this.driver = driver;
        this.requestFor = requestFor;
        this.ledger = ledger;
        this.size = size;
        this.maxAge = maxAge;
        this.clock = clock;
        this.refiller = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "assay-pool-" + labId);
            thread.setDaemon(true);
            return thread;
        });
        this.claims = metrics.timer(MetricRegistry.name("assay", "pool", labId, "claim"));
        metrics.gauge(MetricRegistry.name("assay", "pool", labId, "ready"), () -> ready::size);
        this.misses = metrics.counter(MISSES);
        this.failures = metrics.counter(PROVISION_FAILURES);
    }

    /**
     * Takes over the unclaimed environments on record that are still running (after a restart they would
     * otherwise wait for the reaper), then fills the pool up.
     */
    public void start() {
        for (Entry entry : ledger.unclaimed(labId)) {
            try {
                if (isFresh(entry) && driver.status(entry.handle()) == EnvironmentStatus.RUNNING) {
                    pooledSessions.add(entry.handle().sessionId());
                    ready.add(entry);
                } else {
                    destroyQuietly(entry.handle());
                }
            } catch (EnvironmentException e) {
                LOG.warn(
                        "warm pool {}: cannot adopt {}: {}",
                        labId,
                        entry.handle().externalId(),
                        e.getMessage());
            }
        }
        refill();
    }

    /** A ready environment, now {@code sessionId}'s, or empty when the pool is drained (provision cold). */
    public Optional<EnvironmentHandle> claim(String sessionId) {
        try (Timer.Context ignored = claims.time()) {
            Entry entry;
            while ((entry = ready.poll()) != null) {
                pooledSessions.remove(entry.handle().sessionId());
                if (!isFresh(entry)) {
                    destroyQuietly(entry.handle());
                } else if (ledger.bind(entry.handle(), sessionId)) {
                    refill();
                    return Optional.of(entry.handle());
                }
                // else another replica claimed it first: it is theirs now, not ours to remove
            }
            if (size > 0) {
                misses.inc();
            }
            refill();
            return Optional.empty();
        }
    }

    /** Starts provisioning in the background until {@code size} environments are ready (one refill at a time). */
    public void refill() {
        if (refilling.compareAndSet(false, true)) {
            refiller.execute(() -> {
                try {
                    while (ready.size() < size && !closed.get()) {
                        String session = "pool-" + labId + "-"
                                + UUID.randomUUID().toString().substring(0, 12);
                        pooledSessions.add(session);
                        try {
                            EnvironmentRequest request = requestFor.apply(session);
                            Entry entry = new Entry(driver.provision(request), clock.instant());
                            ledger.ready(labId, entry, request.expiresAt());
                            ready.add(entry);
                        } catch (EnvironmentException e) {
                            failures.inc();
                            pooledSessions.remove(session);
                            LOG.warn(
                                    "warm pool {}: provisioning failed, will retry on the next claim: {}",
                                    labId,
                                    e.getMessage());
                            return;
                        }
                    }
                } finally {
                    refilling.set(false);
                }
            });
        }
    }

    public int ready() {
        return ready.size();
    }

    /** Whether a session id is one of this pool's unclaimed environments (the reaper keeps those). */
    public boolean holds(String sessionId) {
        return pooledSessions.contains(sessionId);
    }

    /** Lets an in-flight provision finish (so nothing is left half-made), then removes every unclaimed entry. */
    @Override
    public void close() {
        closed.set(true);
        refiller.shutdown();
        try {
            if (!refiller.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warn("warm pool {}: a provision did not finish in 2 min; the reaper removes what is left", labId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Entry entry;
        while ((entry = ready.poll()) != null) {
            destroyQuietly(entry.handle());
        }
    }

    private boolean isFresh(Entry entry) {
        return Duration.between(entry.created(), clock.instant()).compareTo(maxAge) < 0;
    }

    private void destroyQuietly(EnvironmentHandle handle) {
        try {
            driver.destroy(handle);
            ledger.destroyed(handle);
        } catch (EnvironmentException e) {
            LOG.warn(
                    "warm pool {}: could not remove {}; the reaper will: {}",
                    labId,
                    handle.externalId(),
                    e.getMessage());
        }
    }
}
