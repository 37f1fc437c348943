package dev.assay.service.cli;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.grading.CheckOutcome;
import dev.assay.service.grading.GradingEngine;
import dev.assay.service.sessions.LabRequests;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench grade}: the full final grading of a 10-check lab (4 file reads, 2 HTTP probes, a port and a
 * process probe, a probe command and a command in the lab) against a running nginx, next to the exec floor.
 */
final class GradeBench {
    private static final double TARGET_P95_MS = 1500;

    private GradeBench() {}

    static Figure run(DockerEnvironmentDriver driver, BenchRun run, String image, int rounds) {
        Lab lab = lab(image);
        List<Double> floor = new ArrayList<>();
        List<Double> grades = new ArrayList<>();
        try (GradingEngine engine = new GradingEngine(GraderRegistry.discover(), Clock.systemUTC())) {
            for (int round = 0; round < rounds; round++) {
                EnvironmentHandle handle = driver.provision(LabRequests.of(
                        lab, "bench-grade-" + UUID.randomUUID().toString().substring(0, 8), run.expiresAt()));
                try {
                    long exec = System.nanoTime();
                    driver.exec(handle, ExecRequest.shell("true", Duration.ofSeconds(10)));
                    floor.add(BenchCommand.millis(exec));
                    long started = System.nanoTime();
                    List<CheckOutcome> outcomes = engine.grade(lab, driver, handle, check -> true, outcome -> {});
                    grades.add(BenchCommand.millis(started));
                    requireAllPass(outcomes);
                } finally {
                    driver.destroy(handle);
                }
            }
        }
        return new Figure(
                "grade_10_checks",
                "full grade, 10-check lab",
                grades.size(),
                Figure.latency(grades),
                Figure.floor("exec round trip", floor),
                new Figure.Target("p95 <= 1500 ms", Percentiles.of(grades, 0.95) <= TARGET_P95_MS));
    }

    private static void requireAllPass(List<CheckOutcome> outcomes) {
        long passed = outcomes.stream()
                .filter(o -> o.result().verdict().status().equals("pass"))
                .count();
        if (passed != outcomes.size()) {
            throw new IllegalStateException("the bench lab should pass every check, passed " + passed + ": "
                    + outcomes.stream()
                            .map(o -> o.check().id() + " " + o.result().message())
                            .toList());
        }
    }

    private static Lab.Check check(String id, String grader, Map<String, Object> with) {
        return new Lab.Check(
                id,
                id,
                grader,
                with,
                1,
                Map.of("linux", 1.0),
                Lab.Visibility.CANDIDATE,
                null,
                Duration.ofSeconds(20),
                false);
    }

    private static Lab lab(String image) {
        List<Lab.Check> checks = List.of(
                check(
                        "site-listens",
                        "file",
                        Map.of("path", "/etc/nginx/sites-available/default", "contains", "listen\\s+80")),
                check("hostname", "file", Map.of("path", "/etc/hostname")),
                check("root-user", "file", Map.of("path", "/etc/passwd", "contains", "^root:")),
                check("shadow-mode", "file", Map.of("path", "/etc/shadow", "mode", "0640")),
                check("serves", "http", Map.of("url", "http://127.0.0.1/", "status", 200)),
                check("serves-page", "http", Map.of("url", "http://127.0.0.1/", "body", "nginx")),
                check("port-80", "port", Map.of("port", 80, "executable", "/usr/sbin/nginx")),
                check("workers", "process", Map.of("executable", "/usr/sbin/nginx", "minCount", 2)),
                check("probe-proc", "command", Map.of("run", "test -d /proc/1", "where", "probe")),
                check("config-valid", "command", Map.of("run", "nginx -t")));
        Lab.Environment environment = new Lab.Environment(
                "container",
                image,
                null,
                new Lab.Resources(1, 256L << 20, 128, 64L << 20),
                List.of("NET_BIND_SERVICE", "CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE"),
                "none",
                List.of(new Lab.SetupStep("start nginx", "nginx", null, Duration.ofSeconds(30))),
                List.of(),
                List.of());
        Path none = Path.of(".");
        return new Lab(
                "bench-grade",
                "1",
                "Grading benchmark",
                "ten checks on a running nginx",
                "technical",
                "easy",
                Duration.ofMinutes(10),
                Map.of("linux", 1.0),
                environment,
                none,
                none,
                checks,
                0,
                none,
                List.of(),
                List.of(),
                none);
    }
}
