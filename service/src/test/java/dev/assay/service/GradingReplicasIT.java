package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.web.Browser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two service JVMs on one PostgreSQL, as two replicas behind a load balancer would be. Fifty candidates start a
 * lab and hand it in to both replicas at once (a double submit across replicas); one replica is killed with
 * SIGKILL while it grades. Every hand-in is graded exactly once, and none is lost: the survivor claims the dead
 * replica's gradings once their locks run out (SELECT ... FOR UPDATE SKIP LOCKED) and finishes them.
 */
@DisplayName("Two replicas on one PostgreSQL grade 50 hand-ins: each exactly once, none lost when one dies")
class GradingReplicasIT {
    private static final int SESSIONS = 50;
    private static final String LAB = "linux-web-outage";
    private static final String ADMIN = "replicas-admin@test.local";
    private static final String PASSWORD = "replicas-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Candidate(long assessment, Browser a, Browser b) {}

    @Test
    void everyHandInIsGradedOnce() throws Exception {
        String url = TestDatabases.postgresUrl();
        ServiceProcess a = new ServiceProcess("replicas-a");
        ServiceProcess b = new ServiceProcess("replicas-b");
        String instance = "it-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>(Map.of(
                "ASSAY_DB_DRIVER",
                "org.postgresql.Driver",
                "ASSAY_DB_URL",
                url,
                "ASSAY_DB_USER",
                TestDatabases.PG_USER,
                "ASSAY_DB_PASSWORD",
                TestDatabases.PG_PASSWORD,
                "ASSAY_LABS_DIR",
                "../labs",
                "ASSAY_INSTANCE",
                instance,
                "ASSAY_REAPER_INTERVAL",
                "2s",
                "ASSAY_GRADING_LEASE",
                "6s",
                "ASSAY_AUDIT_KEY_FILE",
                a.scratch().resolve("audit.key").toString()));
        a.run(env, PASSWORD + "\n", "user", "add", ADMIN, "--password-stdin");
        Process serverA = null;
        Process serverB = null;
        try {
            URI baseA = URI.create("http://127.0.0.1:" + ServiceProcess.freePort() + "/");
            URI baseB = URI.create("http://127.0.0.1:" + ServiceProcess.freePort() + "/");
            serverA = a.start(ports(env, baseA), "server");
            serverB = b.start(ports(env, baseB), "server");
            ServiceProcess.awaitPing(baseA, serverA);
            ServiceProcess.awaitPing(baseB, serverB);

            List<Candidate> candidates = startLabs(baseA, baseB);
            handInTwiceAndKillA(
                    candidates, Jdbi.create(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD), serverA, serverB);
        } finally {
            for (Process server : new Process[] {serverA, serverB}) {
                if (server != null) {
                    server.destroyForcibly();
                }
            }
            DockerCli.removeInstance(instance);
        }
    }

    /** Every candidate hands in on both replicas at once; A is killed while it grades; B must finish the rest. */
    private static void handInTwiceAndKillA(List<Candidate> candidates, Jdbi db, Process serverA, Process serverB)
            throws Exception {
        long pidA = serverA.pid();
        ExecutorService handIns = Executors.newFixedThreadPool(16);
        try {
            for (Candidate candidate : candidates) {
                for (Browser replica : List.of(candidate.a(), candidate.b())) {
                    handIns.submit(() -> replica.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true));
                }
            }
            awaitGradingBy(db, "/" + pidA + "/");
            ServiceProcess.kill(serverA);
            long killed = System.nanoTime();
            long graded = awaitAllGraded(db);
            System.out.printf(
                    "replicas: %d hand-ins, replica A killed while grading; all graded %d ms later%n",
                    SESSIONS, (graded - killed) / 1_000_000);
            assertGradedOnce(db, pidA, serverB.pid());
        } finally {
            handIns.shutdownNow();
        }
    }

    private static Map<String, String> ports(Map<String, String> env, URI base) throws Exception {
        Map<String, String> withPorts = new HashMap<>(env);
        withPorts.put("ASSAY_PORT", Integer.toString(base.getPort()));
        withPorts.put("ASSAY_ADMIN_PORT", Integer.toString(ServiceProcess.freePort()));
        return withPorts;
    }

    /** Fifty candidates invited on replica A; each starts the lab on one replica or the other. */
    private static List<Candidate> startLabs(URI baseA, URI baseB) throws Exception {
        Browser admin = new Browser(baseA);
        String csrf = TestApp.signIn(admin, ADMIN, PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Candidate>> futures = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String body = "{\"email\":\"replica-" + i + "@test.local\",\"name\":\"Candidate " + i
                        + "\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\",\"labs\":[\"" + LAB + "\"]}";
                JsonNode created = JSON.readTree(
                        admin.postJson("/api/v1/assessments", body, csrf).body());
                long assessment = created.path("assessmentId").asLong();
                String link = URI.create(created.path("link").asText()).getPath();
                URI startOn = i % 2 == 0 ? baseA : baseB;
                futures.add(pool.submit(() -> startOne(assessment, link, startOn, baseA, baseB)));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Future<Candidate> future : futures) {
                candidates.add(future.get(240, TimeUnit.SECONDS));
            }
            return candidates;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Candidate startOne(long assessment, String link, URI startOn, URI baseA, URI baseB) {
        Browser first = new Browser(startOn);
        first.get(link);
        assertThat(first.postForm(link + "/accept", Map.of(), true).statusCode())
                .isEqualTo(303);
        first.get("/assessment");
        var start = first.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        Browser onA = sameCandidate(first, baseA);
        Browser onB = sameCandidate(first, baseB);
        return new Candidate(assessment, onA, onB);
    }

    /** The candidate's browser session, on one replica (the cookie is good on both: sessions live in the database). */
    private static Browser sameCandidate(Browser browser, URI base) {
        Browser replica = new Browser(base).with("Cookie", browser.cookieHeader());
        assertThat(replica.get("/assessment/labs/" + LAB).statusCode()).isEqualTo(200);
        return replica;
    }

    private static void awaitGradingBy(Jdbi db, String replica) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = db.withHandle(
                    h -> h.createQuery("SELECT SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END) AS running,"
                                    + " SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done"
                                    + " FROM jobs WHERE kind = 'final-grading' AND locked_by LIKE :replica")
                            .bind("replica", "%" + replica + "%")
                            .mapToMap()
                            .one());
            if (count(counts.get("running")) > 0 && count(counts.get("done")) >= 3) {
                return; // A has graded some hand-ins, and is in the middle of others
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replica A never graded 3 hand-ins while holding another");
    }

    private static int count(@org.jspecify.annotations.Nullable Object value) {
        return value == null ? 0 : Integer.parseInt(String.valueOf(value));
    }

    private static long awaitAllGraded(Jdbi db) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            int graded = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lab_sessions WHERE state = 'graded'")
                    .mapTo(Integer.class)
                    .one());
            // A job is closed just after its session is graded, in its own statement: wait for both.
            int open = db.withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE kind = 'final-grading' AND status <> 'done'")
                            .mapTo(Integer.class)
                            .one());
            if (graded == SESSIONS && open == 0) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not every hand-in was graded and its job closed within 240 s");
    }

    private static int attempts(Map<String, Object> job) {
        return Integer.parseInt(String.valueOf(job.get("attempts")));
    }

    private static void assertGradedOnce(Jdbi db, long pidA, long pidB) {
        db.useHandle(h -> {
            assertThat(h.createQuery(
                                    "SELECT lab_session_id, COUNT(*) FROM lab_session_events WHERE to_state = 'grading'"
                                            + " GROUP BY lab_session_id HAVING COUNT(*) <> 1")
                            .mapToMap()
                            .list())
                    .as("every session handed in once, though both replicas took the hand-in")
                    .isEmpty();
            assertThat(h.createQuery("SELECT COUNT(DISTINCT lab_session_id) FROM lab_session_events"
                                    + " WHERE from_state = 'grading' AND to_state = 'graded'")
                            .mapTo(Integer.class)
                            .one())
                    .isEqualTo(SESSIONS);
            assertThat(h.createQuery("SELECT COUNT(*) FROM lab_session_events WHERE to_state = 'graded'")
                            .mapTo(Integer.class)
                            .one())
                    .as("graded exactly once each")
                    .isEqualTo(SESSIONS);
            List<Map<String, Object>> jobs = h.createQuery(
                            "SELECT locked_by, attempts, status FROM jobs WHERE kind = 'final-grading'")
                    .mapToMap()
                    .list();
            assertThat(jobs)
                    .hasSize(SESSIONS)
                    .allSatisfy(job -> assertThat(job.get("status")).isEqualTo("done"));
            assertThat(jobs)
                    .as("replica A graded some before it died")
                    .filteredOn(job -> String.valueOf(job.get("locked_by")).contains("/" + pidA + "/"))
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(jobs)
                    .as("replica B finished gradings replica A had claimed when it died")
                    .anySatisfy(job -> {
                        assertThat(String.valueOf(job.get("locked_by"))).contains("/" + pidB + "/");
                        assertThat(attempts(job)).isGreaterThanOrEqualTo(2);
                    });
            int results = h.createQuery("SELECT COUNT(*) FROM check_results WHERE purpose = 'final'")
                    .mapTo(Integer.class)
                    .one();
            int checks = h.createQuery("SELECT COUNT(DISTINCT check_id) FROM check_results WHERE purpose = 'final'")
                    .mapTo(Integer.class)
                    .one();
            assertThat(results).as("one final result per check and session").isEqualTo(SESSIONS * checks);
            System.out.printf(
                    "replicas: %d jobs; by A %d, by B %d (%d taken over from A)%n",
                    jobs.size(),
                    jobs.stream()
                            .filter(j -> String.valueOf(j.get("locked_by")).contains("/" + pidA + "/"))
                            .count(),
                    jobs.stream()
                            .filter(j -> String.valueOf(j.get("locked_by")).contains("/" + pidB + "/"))
                            .count(),
                    jobs.stream().filter(j -> attempts(j) > 1).count());
        });
    }
}
