package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a real subprocess (the jar {@code mvn package} built, with config.yml), for tests that
 * kill it. Each instance has its own folder, {@code target/<name>/<nanos>/}, with the output in
 * {@code service.log}.
 */
final class ServiceProcess {
    private final Path jar =
            Path.of(System.getProperty("assay.jar", "target/assay-service.jar")).toAbsolutePath();
    private final Path config =
            Path.of(System.getProperty("assay.config", "config.yml")).toAbsolutePath();
    private final Path dir;

    ServiceProcess(String name) throws IOException {
        this.dir = Files.createDirectories(
                Path.of("target", name, Long.toString(System.nanoTime())).toAbsolutePath());
    }

    /** This run's folder, for a database file and the like. */
    Path scratch() {
        return dir;
    }

    Path log() {
        return dir.resolve("service.log");
    }

    /** Starts {@code java -jar assay-service.jar <command> [args] config.yml}. */
    Process start(Map<String, String> env, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        line.addAll(List.of(command));
        line.add(config.toString());
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(env);
        builder.environment()
                .putIfAbsent("ASSAY_AUDIT_KEY_FILE", dir.resolve("audit.key").toString());
        builder.environment()
                .putIfAbsent(
                        "ASSAY_VARIANT_KEY_FILE", dir.resolve("variant.key").toString());
        builder.environment()
                .putIfAbsent(
                        "ASSAY_OPERATOR_KEY_FILE", dir.resolve("operator.key").toString());
        return builder.start();
    }

    /** Runs a command to completion (db migrate, user add) and requires exit status 0. */
    void run(Map<String, String> env, String stdin, String... command) throws Exception {
        Process process = start(env, command);
        try (OutputStream in = process.getOutputStream()) {
            if (!stdin.isEmpty()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("%s (see %s)", List.of(command), log())
                .isZero();
    }

    /** Waits until the server answers /ping and returns how long that took, in milliseconds. */
    static long awaitPing(URI base, Process server) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the service exited while starting").isTrue();
            try {
                if (new Browser(base).get("/ping").statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started).toMillis();
                }
            } catch (IllegalStateException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the service did not answer /ping within 60 s");
    }

    /** SIGKILL on Linux: no shutdown hooks, no flush, no clean-up. */
    static void kill(Process server) throws InterruptedException {
        server.destroyForcibly();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
