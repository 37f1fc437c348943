package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The service's commands as an operator meets them, with the packaged jar: on a database nobody migrated yet
 * they say what to run (no stack trace), and {@code user add} works while the service holds the embedded
 * database, through the admin port and the operator key. The demo banner names the ports in use.
 */
@DisplayName("The commands say what to run on an empty database, and add staff while the service runs")
class CommandLineIT {
    private record Run(int exit, String output) {}

    private static Run run(ServiceProcess service, Map<String, String> env, String stdin, String... command)
            throws Exception {
        long before = Files.exists(service.log()) ? Files.size(service.log()) : 0;
        Process process = service.start(env, command);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        byte[] log = Files.readAllBytes(service.log());
        return new Run(
                process.exitValue(), new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8));
    }

    /** The log once the demo banner is in it: it follows the server's start (the demo's accounts are hashed first). */
    private static String awaitBanner(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.readString(service.log()).contains("=== Assay demo ===") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return Files.readString(service.log());
    }

    private static Map<String, String> env(ServiceProcess service) {
        Map<String, String> env = new HashMap<>();
        env.put(
                "ASSAY_DB_URL",
                "jdbc:h2:file:" + service.scratch().resolve("assay") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        env.put("ASSAY_LABS_DIR", "../labs");
        env.put("ASSAY_LOG_LEVEL", "WARN");
        return env;
    }

    @Test
    void anEmptyDatabaseGetsWhatToRunNotAStackTrace() throws Exception {
        ServiceProcess service = new ServiceProcess("command-line-it");
        Map<String, String> env = env(service);
        for (List<String> command :
                List.of(List.of("audit", "verify"), List.of("user", "add", "new@test.local"), List.of("server"))) {
            Run result = run(service, env, "", command.toArray(String[]::new));
            assertThat(result.exit()).as("%s: %s", command, result.output()).isEqualTo(1);
            assertThat(result.output())
                    .as("%s", command)
                    .contains(command.get(0) + ": the database has no Assay schema yet")
                    .contains("run './assay db migrate' first")
                    .doesNotContain("\tat ", "Exception");
        }
    }

    @Test
    void userAddWorksWhileTheServiceHoldsTheDatabase() throws Exception {
        ServiceProcess service = new ServiceProcess("command-line-it");
        Map<String, String> env = env(service);
        service.run(env, "", "db", "migrate");
        int port = ServiceProcess.freePort();
        int adminPort = ServiceProcess.freePort();
        Map<String, String> serverEnv = new HashMap<>(env);
        serverEnv.put("ASSAY_PORT", Integer.toString(port));
        serverEnv.put("ASSAY_ADMIN_PORT", Integer.toString(adminPort));
        serverEnv.put("ASSAY_BIND_HOST", "127.0.0.1");
        serverEnv.put("ASSAY_PUBLIC_URL", "http://127.0.0.1:" + port);
        serverEnv.put("ASSAY_DEMO", "true");
        serverEnv.put("ASSAY_LOG_LEVEL", "INFO");
        Process server = service.start(serverEnv, "server");
        try {
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            ServiceProcess.awaitPing(base, server);
            String log = awaitBanner(service);
            assertThat(log)
                    .as("the demo banner names the admin port in use")
                    .contains("Health:         http://127.0.0.1:" + adminPort + "/healthcheck")
                    .contains("Staff sign-in:  http://127.0.0.1:" + port + "/login");

            Run added = run(
                    service,
                    serverEnv,
                    "a-long-enough-password\n",
                    "user",
                    "add",
                    "late@test.local",
                    "--role",
                    "interviewer",
                    "--password-stdin");
            assertThat(added.exit()).as(added.output()).isZero();
            assertThat(added.output()).contains("Created interviewer late@test.local.");
            assertThat(TestApp.signIn(new Browser(base), "late@test.local", "a-long-enough-password"))
                    .as("the new interviewer signs in")
                    .isNotBlank();

            Run twice = run(
                    service,
                    serverEnv,
                    "a-long-enough-password\n",
                    "user",
                    "add",
                    "late@test.local",
                    "--password-stdin");
            assertThat(twice.exit()).isEqualTo(1);
            assertThat(twice.output())
                    .contains("user: a user with email late@test.local already exists")
                    .doesNotContain("\tat ");

            Map<String, String> wrongKey = new HashMap<>(serverEnv);
            java.nio.file.Path forged = service.scratch().resolve("forged.key");
            Files.writeString(forged, "f".repeat(43));
            wrongKey.put("ASSAY_OPERATOR_KEY_FILE", forged.toString());
            Run refused = run(service, wrongKey, "", "user", "add", "intruder@test.local");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.output()).contains("the operator key is missing or wrong");
        } finally {
            ServiceProcess.kill(server);
        }
    }
}
