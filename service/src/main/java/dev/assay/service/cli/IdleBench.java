package dev.assay.service.cli;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Starts N sessions of a lab (setup applied, a shell waiting in tmux as the terminal leaves it) and lets them idle;
 * reads the host's memory from {@code /proc/meminfo} before and after, and each container's from {@code docker
 * stats}. How many one machine holds: those still running, and an estimate from the memory left.
 */
final class IdleBench {
    private static final int TARGET = 100;
    private static final String SHELL = "command -v tmux >/dev/null && tmux new-session -d -s assay || true";

    private IdleBench() {}

    static List<Figure> run(
            DockerEnvironmentDriver driver, Function<String, EnvironmentRequest> lab, String labId, int sessions)
            throws Exception {
        long before = memAvailableKib();
        List<EnvironmentHandle> started = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                starts.add(pool.submit(() -> {
                    EnvironmentHandle handle = driver.provision(lab.apply(
                            "bench-idle-" + UUID.randomUUID().toString().substring(0, 8)));
                    started.add(handle);
                    driver.exec(handle, ExecRequest.shell(SHELL, Duration.ofSeconds(20)));
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
            Thread.sleep(5000); // let the sessions settle into idling
            long after = memAvailableKib();
            long held = driver.listManaged().stream()
                    .filter(env -> env.handle().sessionId().startsWith("bench-idle-"))
                    .filter(env -> env.status() == EnvironmentStatus.RUNNING)
                    .count();
            double hostMib = (before - after) / 1024.0 / sessions;
            double statsMib = dockerStatsMib(
                            started.stream().map(EnvironmentHandle::externalId).toList())
                    / sessions;
            return figures(labId, sessions, held, hostMib, statsMib, after / 1024.0);
        } finally {
            List<Future<?>> removals = new ArrayList<>();
            for (EnvironmentHandle handle : List.copyOf(started)) {
                removals.add(pool.submit(() -> driver.destroy(handle)));
            }
            for (Future<?> removal : removals) {
                removal.get();
            }
            pool.shutdown();
        }
    }

    static List<Figure> figures(
            String labId, int sessions, long held, double hostMib, double statsMib, double availableMib) {
        double perSession = Math.max(hostMib, statsMib);
        double capacity = held + (perSession > 0 ? Math.floor(availableMib / perSession) : 0);
        Boolean met = sessions >= TARGET ? held >= TARGET : null;
        String target = sessions >= TARGET ? ">= 100 held" : ">= 100 held (ran " + sessions + ": --idle 100 judges)";
        return List.of(
                new Figure(
                        "idle_sessions",
                        "idle sessions held (" + labId + ", shell in tmux)",
                        sessions,
                        List.of(
                                new Figure.Measure("held", held, "sessions"),
                                new Figure.Measure("memory allows", capacity, "sessions")),
                        null,
                        new Figure.Target(target, met)),
                new Figure(
                        "idle_memory",
                        "host memory per idle session",
                        sessions,
                        List.of(
                                new Figure.Measure("meminfo", hostMib, "MiB"),
                                new Figure.Measure("docker stats", statsMib, "MiB")),
                        null,
                        null));
    }

    static long memAvailableKib() throws IOException {
        return memAvailableKib(Files.readString(Path.of("/proc/meminfo")));
    }

    static long memAvailableKib(String meminfo) {
        return meminfo.lines()
                .filter(line -> line.startsWith("MemAvailable:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("/proc/meminfo has no MemAvailable line"));
    }

    private static double dockerStatsMib(List<String> ids) {
        List<String> command = new ArrayList<>(List.of("stats", "--no-stream", "--format", "{{.MemUsage}}"));
        command.addAll(ids);
        return BenchDocker.run(command.toArray(String[]::new))
                .lines()
                .filter(line -> !line.isBlank())
                .mapToDouble(IdleBench::mebibytes)
                .sum();
    }

    /** The used part of docker stats' {@code 12.5MiB / 256MiB}, in MiB. */
    static double mebibytes(String usage) {
        String used = usage.split("/")[0].trim();
        String number = used.replaceAll("[A-Za-z]+$", "");
        String unit = used.substring(number.length()).toLowerCase(Locale.ROOT);
        double value = Double.parseDouble(number);
        return switch (unit) {
            case "b" -> value / (1024 * 1024);
            case "kib", "kb" -> value / 1024;
            case "mib", "mb" -> value;
            case "gib", "gb" -> value * 1024;
            default -> throw new IllegalArgumentException("docker stats gave a memory unit I do not know: " + usage);
        };
    }
}
