package dev.assay.service.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service itself, started from this jar as a child process ({@code server <config>}) on free loopback ports,
 * with its own database, keys and instance name, so it meets nothing of an installation on the same machine. The
 * {@link BenchRun} stops it.
 */
final class ServiceProcess {
    private ServiceProcess() {}

    /** Starts the service and waits until {@code /ping} answers; returns its base URI. */
    static URI start(BenchRun run, Path config, Path labs, Path folder, String dbUrl) throws Exception {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("--config: no configuration file at " + config.toAbsolutePath()
                    + " (run the bench from the checkout, as ./assay bench does, or name service/config.yml)");
        }
        int port = freePort();
        Path log = folder.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        javaBinary(),
                        "-jar",
                        ownJar().toString(),
                        "server",
                        config.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ASSAY_PORT", Integer.toString(port));
        env.put("ASSAY_BIND_HOST", "127.0.0.1");
        env.put("ASSAY_ADMIN_PORT", Integer.toString(freePort()));
        env.put("ASSAY_ADMIN_BIND_HOST", "127.0.0.1");
        env.put("ASSAY_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("ASSAY_DB_DRIVER", "org.h2.Driver");
        env.put("ASSAY_DB_URL", dbUrl);
        env.put("ASSAY_DB_USER", "assay");
        env.put("ASSAY_DB_PASSWORD", "assay");
        env.put("ASSAY_AUDIT_KEY_FILE", folder.resolve("audit.key").toString());
        env.put("ASSAY_VARIANT_KEY_FILE", folder.resolve("variant.key").toString());
        env.put("ASSAY_WEBHOOK_SECRET_FILE", folder.resolve("webhook.key").toString());
        env.put("ASSAY_WEBHOOK_URL", "");
        env.put("ASSAY_INSTANCE", run.instance() + "-svc");
        env.put("ASSAY_LABS_DIR", labs.toAbsolutePath().toString());
        env.put("ASSAY_WARM_POOLS", "");
        env.put("ASSAY_KUBECONFIG", "");
        env.put("ASSAY_DEMO", "false");
        env.put("ASSAY_LOG_LEVEL", "WARN");
        Process child = builder.start();
        run.adopt(child);
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitPing(child, base, log);
        return base;
    }

    private static void awaitPing(Process child, URI base, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (!child.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with " + child.exitValue() + " before it served:\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(base.resolve("/ping")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not answer /ping within 90 s:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path ownJar() throws Exception {
        Path jar = Path.of(ServiceProcess.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the status bench starts the service from its jar; run it from"
                    + " service/target/assay-service.jar (./assay bench), not from " + jar);
        }
        return jar;
    }
}
