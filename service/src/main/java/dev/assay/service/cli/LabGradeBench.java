package dev.assay.service.cli;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.grading.CheckOutcome;
import dev.assay.service.grading.GradingEngine;
import dev.assay.service.sessions.LabRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The full final grading of real labs from the catalog, each in the state its reference solution leaves (so no
 * check waits out a timeout on something missing), next to an exec round trip in the same lab. Container labs only:
 * Kubernetes labs need a cluster and are left out.
 */
final class LabGradeBench {
    private LabGradeBench() {}

    /** The container labs named in {@code only} (all of them when empty); a name that is not one is an error. */
    static List<Lab> select(LabCatalog catalog, List<String> only) {
        List<Lab> container = catalog.labs().stream()
                .filter(lab -> lab.environment().kind().equals("container"))
                .sorted(java.util.Comparator.comparing(Lab::id))
                .toList();
        for (String id : only) {
            if (container.stream().noneMatch(lab -> lab.id().equals(id))) {
                throw new IllegalArgumentException("--labs: '" + id + "' is not a container lab of the catalog; they"
                        + " are " + container.stream().map(Lab::id).toList());
            }
        }
        return container.stream()
                .filter(lab -> only.isEmpty() || only.contains(lab.id()))
                .toList();
    }

    static List<Figure> run(DockerEnvironmentDriver driver, BenchRun run, List<Lab> labs, int rounds) {
        List<Figure> figures = new ArrayList<>();
        try (GradingEngine engine = new GradingEngine(GraderRegistry.discover(), Clock.systemUTC())) {
            for (Lab lab : labs) {
                figures.add(grade(driver, engine, run, lab, rounds));
            }
        }
        return figures;
    }

    private static Figure grade(
            DockerEnvironmentDriver driver, GradingEngine engine, BenchRun run, Lab lab, int rounds) {
        List<Double> floor = new ArrayList<>();
        List<Double> grades = new ArrayList<>();
        long passed = 0;
        // The lab's default variant: setup and grading use the defaults, so the solution gets them as setup does.
        String solution = lab.parameters().shellPrologue(lab.parameters().defaults()) + read(lab);
        for (int round = 0; round < rounds; round++) {
            EnvironmentHandle handle = driver.provision(LabRequests.of(
                    lab, "bench-lab-" + UUID.randomUUID().toString().substring(0, 8), run.expiresAt()));
            try {
                ExecResult solved = driver.exec(handle, ExecRequest.shell(solution, Duration.ofMinutes(2)));
                if (solved.exitCode() != 0) {
                    throw new IllegalStateException(
                            lab.id() + ": the reference solution exits " + solved.exitCode() + ": " + solved.stderr());
                }
                long exec = System.nanoTime();
                driver.exec(handle, ExecRequest.shell("true", Duration.ofSeconds(10)));
                floor.add(BenchCommand.millis(exec));
                long started = System.nanoTime();
                List<CheckOutcome> outcomes = engine.grade(lab, driver, handle, check -> true, outcome -> {});
                grades.add(BenchCommand.millis(started));
                passed = outcomes.stream()
                        .filter(o -> o.result().verdict().status().equals("pass"))
                        .count();
            } finally {
                driver.destroy(handle);
            }
        }
        int checks = lab.checks().size();
        String passing = passed == checks ? "" : ", " + passed + " passing";
        return new Figure(
                "grade_" + lab.id().replace('-', '_'),
                "full grade, " + lab.id() + " (" + checks + " checks" + passing + ")",
                grades.size(),
                Figure.latency(grades),
                Figure.floor("exec round trip", floor),
                null);
    }

    private static String read(Lab lab) {
        try {
            return Files.readString(lab.solution());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + lab.solution() + ": " + e.getMessage(), e);
        }
    }
}
