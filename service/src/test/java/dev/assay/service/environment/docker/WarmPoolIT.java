package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.sessions.DatabaseLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Warm pools hand out ready environments, each to exactly one claimant, and refill")
class WarmPoolIT {

    private static EnvironmentRequest request(String session) {
        return new EnvironmentRequest(
                session,
                "pooled",
                "1",
                DockerLabs.image("assay/base:latest"),
                new EnvironmentRequest.Limits(0.25, 64L << 20, 32, 8L << 20),
                List.of(),
                "none",
                List.of(new EnvironmentRequest.SetupCommand(
                        "plant", "echo ready > /root/state", Duration.ofSeconds(30))),
                Instant.now().plus(Duration.ofHours(2)));
    }

    private static void awaitReady(WarmPool pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pool.ready() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.ready()).isEqualTo(count);
    }

    @Test
    @DisplayName("16 concurrent claims on a pool of 4: four distinct environments, setup applied, then a refill")
    void concurrentClaimsAreExclusive() throws Exception {
        MetricRegistry metrics = new MetricRegistry();
        try (DockerEnvironmentDriver driver = DockerLabs.driver();
                WarmPool pool = new WarmPool(
                        "pooled",
                        driver,
                        WarmPoolIT::request,
                        WarmPool.Ledger.local(),
                        4,
                        Duration.ofHours(1),
                        Clock.systemUTC(),
                        metrics)) {
            pool.refill();
            awaitReady(pool, 4);

            ExecutorService claimants = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<EnvironmentHandle>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(claimants.submit(() -> {
                    go.await();
                    return pool.claim("claimant");
                }));
            }
            go.countDown();
            List<EnvironmentHandle> claimed = new ArrayList<>();
            for (Future<Optional<EnvironmentHandle>> result : results) {
                result.get(30, TimeUnit.SECONDS).ifPresent(claimed::add);
            }
            claimants.shutdown();

            assertThat(claimed).hasSize(4);
            assertThat(claimed.stream().map(EnvironmentHandle::externalId).distinct())
                    .hasSize(4);
            for (EnvironmentHandle handle : claimed) {
                assertThat(pool.holds(handle.sessionId())).isFalse();
                assertThat(driver.exec(handle, ExecRequest.shell("cat /root/state", Duration.ofSeconds(10)))
                                .stdout())
                        .isEqualTo("ready\n");
            }
            System.out.printf(
                    "warm claim: p50 %.2f ms, p99 %.2f ms over %d claims%n",
                    metrics.timer("assay.pool.pooled.claim").getSnapshot().getMedian() / 1e6,
                    metrics.timer("assay.pool.pooled.claim").getSnapshot().get99thPercentile() / 1e6,
                    metrics.timer("assay.pool.pooled.claim").getCount());

            awaitReady(pool, 4);
            claimed.forEach(driver::destroy);
            assertThat(claimed)
                    .allSatisfy(handle -> assertThat(driver.status(handle)).isEqualTo(EnvironmentStatus.GONE));
        }
    }

    @Test
    @DisplayName("two replicas sharing one database never hand out one environment; a new one adopts what is on record")
    void replicasShareOneLedger() throws Exception {
        Jdbi jdbi = TestDatabases.h2();
        List<String> sessions = labSessions(jdbi, 12);
        DatabaseLedger ledger = new DatabaseLedger(jdbi, DockerEnvironmentDriver.KIND, Clock.systemUTC());
        List<EnvironmentHandle> claimed = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DockerEnvironmentDriver driver = DockerLabs.driver();
                WarmPool first = sharedPool(driver, ledger, 3);
                WarmPool second = sharedPool(driver, ledger, 0)) {
            first.refill();
            awaitReady(first, 3);
            second.start(); // a second replica (or a restart) takes over the unclaimed environments on record
            assertThat(second.ready()).isEqualTo(3);

            ExecutorService claimants = Executors.newFixedThreadPool(12);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                WarmPool pool = i % 2 == 0 ? first : second;
                String session = sessions.get(i);
                done.add(claimants.submit(() -> {
                    go.await();
                    pool.claim(session).ifPresent(claimed::add);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            claimants.shutdown();

            assertThat(claimed).as("the three ready environments were claimed").hasSizeGreaterThanOrEqualTo(3);
            assertThat(claimed.stream().map(EnvironmentHandle::externalId))
                    .as("no environment went to two sessions")
                    .doesNotHaveDuplicates();
            jdbi.useExtension(EnvironmentHandleDao.class, dao -> {
                for (String session : sessions) {
                    dao.forSession(Long.parseLong(session))
                            .ifPresent(stored -> assertThat(claimed).contains(stored.handle()));
                }
                assertThat(sessions.stream()
                                .filter(session ->
                                        dao.forSession(Long.parseLong(session)).isPresent()))
                        .hasSize(claimed.size());
            });
        } finally {
            try (DockerEnvironmentDriver driver = DockerLabs.driver()) {
                claimed.forEach(driver::destroy);
            }
        }
    }

    private static WarmPool sharedPool(DockerEnvironmentDriver driver, DatabaseLedger ledger, int size) {
        return new WarmPool(
                "shared",
                driver,
                WarmPoolIT::request,
                ledger,
                size,
                Duration.ofHours(1),
                Clock.systemUTC(),
                new MetricRegistry());
    }

    /** Lab session rows to bind pool environments to (the database insists they exist). */
    private static List<String> labSessions(Jdbi jdbi, int count) {
        List<String> sessions = new ArrayList<>();
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long assessment = dao.insertAssessment(
                    dao.insertCandidate("pool@test.local", "Pool", null, Instant.now()),
                    "devops-engineer",
                    "technical",
                    null,
                    Instant.now());
            for (int i = 0; i < count; i++) {
                int lab = i;
                sessions.add(Long.toString(jdbi.withExtension(
                        LabSessionDao.class,
                        sessionDao -> sessionDao.insert(assessment, "lab-" + lab, "1", 1, Instant.now()))));
            }
        });
        return sessions;
    }
}
