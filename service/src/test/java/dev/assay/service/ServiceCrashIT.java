package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The durability promise of the default H2 set-up: a write the service acknowledged survives {@code kill -9}.
 * The service runs as a real subprocess from the packaged jar; writers create invitations without pause; the
 * process is killed at a random moment, and the database is checked for every acknowledged write.
 */
@DisplayName("kill -9 at a random moment loses no acknowledged write (H2 file, WRITE_DELAY=0)")
class ServiceCrashIT {
    private static final int ROUNDS = 10;
    private static final int WRITERS = 4;
    private static final String ADMIN = "crash-admin@test.local";
    private static final String PASSWORD = "crash-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        ServiceProcess service = new ServiceProcess("crash-it");
        Path dir = service.scratch();
        String url = "jdbc:h2:file:" + dir.resolve("assay") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Map<String, String> env = Map.of("ASSAY_DB_URL", url, "ASSAY_LOG_LEVEL", "WARN", "ASSAY_LABS_DIR", "../labs");
        service.run(env, "", "db", "migrate");
        service.run(env, PASSWORD + "\n", "user", "add", ADMIN, "--password-stdin");

        Random random = new Random();
        long totalAcknowledged = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int port = ServiceProcess.freePort();
            Map<String, String> serverEnv = new java.util.HashMap<>(env);
            serverEnv.put("ASSAY_PORT", Integer.toString(port));
            serverEnv.put("ASSAY_ADMIN_PORT", Integer.toString(ServiceProcess.freePort()));
            Process server = service.start(serverEnv, "server");
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                URI base = URI.create("http://127.0.0.1:" + port + "/");
                long ready = ServiceProcess.awaitPing(base, server);
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    String prefix = "r" + round + "w" + w;
                    writers.submit(() -> write(base, prefix, acknowledged, refused, stop));
                }
                awaitFirstWrite(acknowledged, refused, server);
                long killAfter = random.nextInt(1500); // a random moment while the writers are busy
                Thread.sleep(killAfter);
                ServiceProcess.kill(server);
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                List<Long> lost = missing(url, acknowledged);
                System.out.printf(
                        "crash round %2d: ready in %4d ms, killed %4d ms into the writes, %4d acknowledged, %d lost%n",
                        round, ready, killAfter, acknowledged.size(), lost.size());
                assertThat(lost)
                        .as("acknowledged writes lost in round %d", round)
                        .isEmpty();
                totalAcknowledged += acknowledged.size();
            } finally {
                server.destroyForcibly();
            }
        }
        System.out.printf("crash test: %d rounds, %d acknowledged writes, 0 lost%n", ROUNDS, totalAcknowledged);
        assertThat(totalAcknowledged).as("the writers must have written").isGreaterThanOrEqualTo(ROUNDS);
    }

    private static void write(
            URI base, String prefix, Set<Long> acknowledged, List<String> refused, AtomicBoolean stop) {
        try {
            Browser browser = new Browser(base);
            String csrf = TestApp.signIn(browser, ADMIN, PASSWORD);
            for (int n = 0; !stop.get(); n++) {
                String body = "{\"email\":\"" + prefix + "-" + n + "@test.local\",\"name\":\"W " + n
                        + "\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}";
                HttpResponse<String> response = browser.postJson("/api/v1/assessments", body, csrf);
                if (response.statusCode() == 201) {
                    acknowledged.add(
                            JSON.readTree(response.body()).path("assessmentId").asLong());
                } else if (response.statusCode() < 500) {
                    refused.add(response.statusCode() + " " + response.body());
                    return;
                }
            }
        } catch (IllegalStateException | IOException expectedOnceKilled) {
            // the server died under us: what it acknowledged before is all that counts
        }
    }

    private static void awaitFirstWrite(Set<Long> acknowledged, List<String> refused, Process server)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.isEmpty()) {
            assertThat(refused).as("the service refused the writes").isEmpty();
            assertThat(server.isAlive())
                    .as("the service died before the first write")
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("no write acknowledged within 60 s")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static List<Long> missing(String url, Set<Long> acknowledged) throws SQLException {
        List<Long> lost = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "assay", "assay");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM assessments a JOIN invitations i ON i.assessment_id = a.id"
                                + " JOIN candidates c ON c.id = a.candidate_id WHERE a.id = ?")) {
            for (long id : acknowledged) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        lost.add(id);
                    }
                }
            }
        }
        return lost;
    }
}
