package dev.assay.service.cli;

import com.codahale.metrics.MetricRegistry;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.sessions.DatabaseLedger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims from a warm pool of 2, letting it refill between claims, as a steady trickle of candidates would. The
 * pool records and binds its environments in a database like the service's default (an H2 file that syncs every
 * commit), so a claim costs what it costs in the service.
 */
final class WarmClaimBench {
    private static final double TARGET_P95_MS = 100;
    private static final int POOL = 2;

    private WarmClaimBench() {}

    static Figure run(DockerEnvironmentDriver driver, BenchRun run, String image, int rounds)
            throws IOException, InterruptedException {
        List<Double> claims = new ArrayList<>();
        try (BenchDatabase.Pooled database = BenchDatabase.pooled(run.folder());
                WarmPool pool = new WarmPool(
                        "bench",
                        driver,
                        session -> ProvisionBench.request(run, image, session),
                        new DatabaseLedger(database.jdbi(), driver.kind(), Clock.systemUTC()),
                        POOL,
                        Duration.ofHours(1),
                        Clock.systemUTC(),
                        new MetricRegistry())) {
            Jdbi jdbi = database.jdbi();
            long assessment = BenchDatabase.assessment(jdbi, "bench", "technical");
            pool.refill();
            for (int i = 0; i < rounds; i++) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pool.ready() < POOL && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int round = i;
                long session = jdbi.withExtension(
                        LabSessionDao.class, dao -> dao.insert(assessment, "bench-" + round, "1", 1, Instant.now()));
                long started = System.nanoTime();
                Optional<EnvironmentHandle> claimed = pool.claim(Long.toString(session));
                claims.add(BenchCommand.millis(started));
                if (claimed.isEmpty()) {
                    throw new IllegalStateException("the warm pool had nothing to claim after 60 s of refilling");
                }
                driver.destroy(claimed.get());
            }
        }
        double p95 = Percentiles.of(claims, 0.95);
        return new Figure(
                "warm_claim",
                "warm claim (pool of 2, database ledger)",
                claims.size(),
                Figure.latency(claims),
                null,
                new Figure.Target("p95 <= 100 ms", p95 <= TARGET_P95_MS));
    }
}
