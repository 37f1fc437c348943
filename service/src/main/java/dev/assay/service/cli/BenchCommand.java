package dev.assay.service.cli;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.Schema;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.WarmPool;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.sessions.DatabaseLedger;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code bench provision|grade|terminal [--rounds N] [--image I]}: cold provisioning (create, start, setup,
 * ready) and exec round trip through the driver, next to a bare {@code docker run} / {@code docker exec} floor
 * measured in the same run; the full grading of a 10-check lab ({@link GradeBench}); keystroke echo through the
 * terminal's WebSocket next to a bare TTY exec ({@link TerminalBench}). A table, then one JSON line.
 */
public class BenchCommand extends Command {

    public BenchCommand() {
        super("bench", "Measure provisioning and exec against the local Docker engine");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("what").choices("provision", "grade", "terminal").help("what to measure");
        subparser.addArgument("--rounds").type(Integer.class).setDefault(10).help("provisions to time (default 10)");
        subparser.addArgument("--image").setDefault("assay/workbench:latest").help("the lab image");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int rounds = namespace.getInt("rounds");
        String image = namespace.getString("image");
        URI host = URI.create(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        String what = namespace.getString("what");
        if ("terminal".equals(what)) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("assay-bench");
            try (DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                    host, "bench", Duration.ofSeconds(2), Duration.ofSeconds(60), new ObjectMapper())) {
                TerminalBench.run(driver, image, Math.max(20, rounds * 10), benchDatabase(dir), samples);
            } finally {
                delete(dir);
            }
            report(what, samples);
            return;
        }
        if ("grade".equals(what)) {
            try (DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                    host, "bench", Duration.ofSeconds(2), Duration.ofSeconds(60), new ObjectMapper())) {
                GradeBench.run(driver, image, rounds, samples);
            }
            report(what, samples);
            return;
        }
        try (DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                host, "bench", Duration.ofSeconds(2), Duration.ofSeconds(60), new ObjectMapper())) {
            for (int i = 0; i < rounds; i++) {
                samples.computeIfAbsent("bare docker run (start, first exec)", k -> new ArrayList<>())
                        .add(bareRun(image));
                long started = System.nanoTime();
                EnvironmentHandle handle = driver.provision(request(image));
                samples.computeIfAbsent("driver cold provision (create, start, setup)", k -> new ArrayList<>())
                        .add(millis(started));
                for (int e = 0; e < 5; e++) {
                    long execStarted = System.nanoTime();
                    driver.exec(handle, ExecRequest.shell("true", Duration.ofSeconds(10)));
                    samples.computeIfAbsent("driver exec round trip", k -> new ArrayList<>())
                            .add(millis(execStarted));
                }
                driver.destroy(handle);
            }
            warmClaims(driver, image, rounds, samples);
        }
        report(what, samples);
    }

    /**
     * Claims from a warm pool of 2, letting it refill between claims, as a steady trickle of candidates would.
     * The pool records and binds its environments in a database like the service's default (an H2 file that
     * syncs every commit), so a claim costs what it costs in the service.
     */
    private static void warmClaims(
            DockerEnvironmentDriver driver, String image, int rounds, Map<String, List<Double>> samples)
            throws InterruptedException, IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("assay-bench");
        try {
            warmClaims(driver, image, rounds, samples, benchDatabase(dir));
        } finally {
            delete(dir);
        }
    }

    private static void delete(java.nio.file.Path dir) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path file :
                    files.sorted(Collections.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    private static void warmClaims(
            DockerEnvironmentDriver driver, String image, int rounds, Map<String, List<Double>> samples, Jdbi jdbi)
            throws InterruptedException {
        long assessment = benchAssessment(jdbi);
        try (WarmPool pool = new WarmPool(
                "bench",
                driver,
                session -> request(image, session),
                new DatabaseLedger(jdbi, driver.kind(), Clock.systemUTC()),
                2,
                Duration.ofHours(1),
                Clock.systemUTC(),
                new MetricRegistry())) {
            pool.refill();
            for (int i = 0; i < rounds; i++) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pool.ready() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int round = i;
                long session = jdbi.withExtension(
                        LabSessionDao.class, dao -> dao.insert(assessment, "bench-" + round, "1", 1, Instant.now()));
                long started = System.nanoTime();
                Optional<EnvironmentHandle> claimed = pool.claim(Long.toString(session));
                samples.computeIfAbsent("warm claim (pool of 2, database ledger)", k -> new ArrayList<>())
                        .add(millis(started));
                claimed.ifPresent(driver::destroy);
            }
        }
    }

    /** A candidate and an assessment for the bench's lab sessions to belong to. */
    static long benchAssessment(Jdbi jdbi) {
        return jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate("bench@localhost", "Bench", null, Instant.now()),
                        "bench",
                        "technical",
                        null,
                        Instant.now()));
    }

    private static Jdbi benchDatabase(java.nio.file.Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("bench") + ";WRITE_DELAY=0";
        Schema.migrate(url, "sa", "");
        Jdbi jdbi = Jdbi.create(url, "sa", "");
        jdbi.installPlugin(new SqlObjectPlugin());
        return Persistence.configure(jdbi);
    }

    private static EnvironmentRequest request(String image) {
        return request(image, "bench-" + UUID.randomUUID().toString().substring(0, 12));
    }

    private static EnvironmentRequest request(String image, String session) {
        return new EnvironmentRequest(
                session,
                "bench",
                "1",
                image,
                new EnvironmentRequest.Limits(1, 256L << 20, 128, 64L << 20),
                List.of(),
                "none",
                List.of(new EnvironmentRequest.SetupCommand("ready", "true", Duration.ofSeconds(30))),
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** docker run -d, then docker exec true: the floor the driver's cold provision compares to. */
    private static double bareRun(String image) throws IOException, InterruptedException {
        String name = "assay-bench-bare-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        docker("run", "-d", "--network", "none", "--name", name, image, "sleep", "600");
        docker("exec", name, "true");
        double took = millis(started);
        docker("rm", "-f", name);
        return took;
    }

    private static void docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed");
        }
    }

    static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void report(String what, Map<String, List<Double>> samples) {
        System.out.printf("%-46s %6s %9s %9s%n", "measure", "n", "p50 ms", "p95 ms");
        StringBuilder json = new StringBuilder("{\"bench\":\"" + what + "\"");
        samples.forEach((name, values) -> {
            double p50 = percentile(values, 0.50);
            double p95 = percentile(values, 0.95);
            System.out.printf(Locale.ROOT, "%-46s %6d %9.1f %9.1f%n", name, values.size(), p50, p95);
            String key = name.replaceAll("\\s*\\(.*\\)", "").replace(' ', '_');
            json.append(String.format(Locale.ROOT, ",\"%s_p50_ms\":%.1f,\"%s_p95_ms\":%.1f", key, p50, key, p95));
        });
        System.out.println(json.append('}'));
    }
}
