package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.WarmPool;
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
                        "pooled", driver, WarmPoolIT::request, 4, Duration.ofHours(1), Clock.systemUTC(), metrics)) {
            pool.refill();
            awaitReady(pool, 4);

            ExecutorService claimants = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<EnvironmentHandle>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(claimants.submit(() -> {
                    go.await();
                    return pool.claim();
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
}
