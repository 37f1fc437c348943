package dev.assay.service.cli;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cold provisioning through the driver (create, start, setup, ready) next to a bare {@code docker run -d} and its
 * first {@code docker exec}; and the driver's exec round trip next to a bare {@code docker exec}, in the same
 * containers' kind.
 */
final class ProvisionBench {
    private static final int EXECS_PER_ROUND = 5;

    private ProvisionBench() {}

    static List<Figure> run(DockerEnvironmentDriver driver, BenchRun run, String image, int rounds) {
        List<Double> bare = new ArrayList<>();
        List<Double> bareExec = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> exec = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bareRun(run, image, bare, bareExec);
            long started = System.nanoTime();
            EnvironmentHandle handle = driver.provision(
                    request(run, image, "bench-" + UUID.randomUUID().toString().substring(0, 12)));
            cold.add(BenchCommand.millis(started));
            try {
                for (int e = 0; e < EXECS_PER_ROUND; e++) {
                    long execStarted = System.nanoTime();
                    driver.exec(handle, ExecRequest.shell("true", Duration.ofSeconds(10)));
                    exec.add(BenchCommand.millis(execStarted));
                }
            } finally {
                driver.destroy(handle);
            }
        }
        Figure.Floor runFloor = Figure.floor("bare docker run + first exec", bare);
        double limit = 5 * Percentiles.of(bare, 0.95);
        double coldP95 = Percentiles.of(cold, 0.95);
        return List.of(
                new Figure(
                        "cold_provision",
                        "cold provision (create, start, setup)",
                        cold.size(),
                        Figure.latency(cold),
                        runFloor,
                        new Figure.Target(
                                "p95 <= 5x floor p95 (" + BenchReport.number(Math.round(limit)) + " ms)",
                                coldP95 <= limit)),
                new Figure(
                        "exec",
                        "exec round trip (driver)",
                        exec.size(),
                        Figure.latency(exec),
                        Figure.floor("bare docker exec", bareExec),
                        null));
    }

    static EnvironmentRequest request(BenchRun run, String image, String session) {
        return new EnvironmentRequest(
                session,
                "bench",
                "1",
                image,
                new EnvironmentRequest.Limits(1, 256L << 20, 128, 64L << 20),
                List.of(),
                "none",
                List.of(new EnvironmentRequest.SetupCommand("ready", "true", Duration.ofSeconds(30))),
                run.expiresAt());
    }

    /** docker run -d, then docker exec true (the floor of a cold provision), then EXECS_PER_ROUND timed execs. */
    private static void bareRun(BenchRun run, String image, List<Double> bare, List<Double> bareExec) {
        String name = "assay-bench-bare-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name));
        command.addAll(run.labelArguments());
        command.addAll(List.of(image, "sleep", "600"));
        long started = System.nanoTime();
        BenchDocker.run(command.toArray(String[]::new));
        try {
            BenchDocker.run("exec", name, "true");
            bare.add(BenchCommand.millis(started));
            for (int e = 0; e < EXECS_PER_ROUND; e++) {
                long execStarted = System.nanoTime();
                BenchDocker.run("exec", name, "true");
                bareExec.add(BenchCommand.millis(execStarted));
            }
        } finally {
            BenchDocker.run("rm", "-f", name);
        }
    }
}
