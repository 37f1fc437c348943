package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 5 of the container driver, end to end on the packaged service: five candidates start their lab,
 * the service is killed with SIGKILL, and the restarted service re-attaches all five (same containers, never
 * restarted). Within one reaper interval an expired and an orphaned labelled container are gone, and an
 * unlabelled one is untouched.
 */
@DisplayName("kill -9 with 5 live lab sessions: all re-attached after a restart; expired and orphaned reaped")
class SessionReattachIT {
    private static final int SESSIONS = 5;
    private static final String LAB = "linux-web-outage";
    private static final String ADMIN = "reattach-admin@test.local";
    private static final String PASSWORD = "reattach-test-password";
    private static final Duration REAPER_INTERVAL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Started(long assessmentId, Browser candidate, String container, String startedAt) {}

    @Test
    void liveSessionsSurviveKillMinus9() throws Exception {
        ServiceProcess service = new ServiceProcess("reattach-it");
        Path dir = service.scratch();
        String instance = "it-reattach-" + UUID.randomUUID().toString().substring(0, 8);
        String unlabelled =
                "assay-it-unlabelled-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of(
                "ASSAY_DB_URL",
                "jdbc:h2:file:" + dir.resolve("assay") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "ASSAY_LABS_DIR",
                "../labs",
                "ASSAY_INSTANCE",
                instance,
                "ASSAY_REAPER_INTERVAL",
                REAPER_INTERVAL.toSeconds() + "s");
        service.run(env, "", "db", "migrate");
        service.run(env, PASSWORD + "\n", "user", "add", ADMIN, "--password-stdin");
        Map<String, String> serverEnv = new HashMap<>(env); // the same ports before and after the restart
        serverEnv.put("ASSAY_PORT", Integer.toString(ServiceProcess.freePort()));
        serverEnv.put("ASSAY_ADMIN_PORT", Integer.toString(ServiceProcess.freePort()));
        URI base = URI.create("http://127.0.0.1:" + serverEnv.get("ASSAY_PORT") + "/");
        Process server = null;
        try {
            server = service.start(serverEnv, "server");
            ServiceProcess.awaitPing(base, server);
            Browser admin = new Browser(base);
            String csrf = TestApp.signIn(admin, ADMIN, PASSWORD);

            List<Started> started = startLabs(base, admin, csrf);
            assertThat(started).extracting(Started::container).doesNotHaveDuplicates();
            String liveSession =
                    sessionOf(admin, started.get(0).assessmentId()).path("id").asText();

            ServiceProcess.kill(server);
            assertThat(running(started)).as("the labs outlive the service").isEqualTo(SESSIONS);
            // made while the service is down, so only the restarted one can remove them
            labelled(instance, "expired", liveSession, Instant.now().minusSeconds(60));
            labelled(instance, "orphaned", "900000002", Instant.now().plusSeconds(3600));
            DockerCli.run("run", "-d", "--network", "none", "--name", unlabelled, "assay/base:latest", "sleep", "600");

            long restart = System.nanoTime();
            server = service.start(serverEnv, "server");
            long ready = ServiceProcess.awaitPing(base, server);
            long reaped = awaitGone(instance, "expired", "orphaned");
            System.out.printf(
                    "re-attach: restarted service answered in %d ms; expired and orphaned containers gone %d ms after"
                            + " the restart (reaper interval %d s)%n",
                    ready, (reaped - restart) / 1_000_000, REAPER_INTERVAL.toSeconds());

            assertReattached(base, started);
            assertThat(DockerCli.run("ps", "-aq", "--filter", "label=assay.instance=" + instance)
                            .lines()
                            .count())
                    .as("nothing recreated, nothing left over")
                    .isEqualTo(SESSIONS);
            assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", unlabelled))
                    .isEqualTo("true");
            assertThat(Files.readString(service.log())).contains(SESSIONS + " re-attached, 0 interrupted");
        } finally {
            if (server != null) {
                server.destroyForcibly();
            }
            removeAll(instance, unlabelled);
        }
    }

    /** Five candidates, each invited, accepting and pressing Start at once. */
    private static List<Started> startLabs(URI base, Browser admin, String csrf) throws Exception {
        ExecutorService candidates = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<Started>> futures = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String body = "{\"email\":\"reattach-" + i + "@test.local\",\"name\":\"Candidate " + i
                        + "\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\",\"labs\":[\"" + LAB + "\"]}";
                JsonNode created = JSON.readTree(
                        admin.postJson("/api/v1/assessments", body, csrf).body());
                long assessment = created.path("assessmentId").asLong();
                String link = URI.create(created.path("link").asText()).getPath();
                futures.add(candidates.submit(() -> startOne(base, admin, assessment, link)));
            }
            List<Started> started = new ArrayList<>();
            for (Future<Started> future : futures) {
                started.add(future.get(120, TimeUnit.SECONDS));
            }
            return started;
        } finally {
            candidates.shutdownNow();
        }
    }

    private static Started startOne(URI base, Browser admin, long assessment, String link) throws Exception {
        Browser candidate = new Browser(base);
        candidate.get(link);
        assertThat(candidate.postForm(link + "/accept", Map.of(), true).statusCode())
                .isEqualTo(303);
        String overview = candidate.get("/assessment").body();
        assertThat(overview).contains("The shop&#39;s web server is down", "Not started");
        HttpResponse<String> start = candidate.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        assertThat(candidate.get("/assessment").body()).contains("In progress until");
        JsonNode detail = detailOf(admin, assessment);
        String container = detail.path("environment").path("externalId").asText();
        assertThat(container).isNotBlank();
        return new Started(
                assessment, candidate, container, DockerCli.run("inspect", "-f", "{{.State.StartedAt}}", container));
    }

    private static JsonNode detailOf(Browser admin, long assessment) throws Exception {
        HttpResponse<String> response = admin.getJson("/api/v1/assessments/" + assessment + "/sessions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }

    private static JsonNode sessionOf(Browser admin, long assessment) throws Exception {
        return detailOf(admin, assessment).path("session");
    }

    /** A container labelled as ours, as the driver would label it, but made behind the service's back. */
    private static void labelled(String instance, String name, String session, Instant expiresAt) {
        DockerCli.run(
                "run",
                "-d",
                "--network",
                "none",
                "--name",
                "assay-it-" + name + "-" + instance,
                "--label",
                "assay.managed=true",
                "--label",
                "assay.instance=" + instance,
                "--label",
                "assay.session=" + session,
                "--label",
                "assay.lab=" + LAB,
                "--label",
                "assay.expires-at=" + expiresAt,
                "assay/base:latest",
                "sleep",
                "600");
    }

    private static long awaitGone(String instance, String... names) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean anyLeft = false;
            for (String name : names) {
                anyLeft |= !DockerCli.attempt("inspect", "assay-it-" + name + "-" + instance)
                        .startsWith(DockerCli.FAILED);
            }
            if (!anyLeft) {
                return System.nanoTime();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reaper left " + List.of(names) + " in place for 30 s");
    }

    private static int running(List<Started> started) {
        return (int) started.stream()
                .filter(lab -> DockerCli.run("inspect", "-f", "{{.State.Running}}", lab.container())
                        .equals("true"))
                .count();
    }

    /** Each session is active on the very container it had, never restarted, and its candidate is still in. */
    private static void assertReattached(URI base, List<Started> started) throws Exception {
        Browser admin = new Browser(base);
        TestApp.signIn(admin, ADMIN, PASSWORD);
        for (Started lab : started) {
            JsonNode session = sessionOf(admin, lab.assessmentId());
            assertThat(session.path("state").asText()).isEqualTo("active");
            JsonNode detail = detailOf(admin, lab.assessmentId());
            assertThat(detail.path("environment").path("externalId").asText()).isEqualTo(lab.container());
            assertThat(detail.path("events").toString()).contains("re-attached to environment");
            assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}} {{.State.StartedAt}}", lab.container()))
                    .as("the same container, never restarted")
                    .isEqualTo("true " + lab.startedAt());
            assertThat(lab.candidate().get("/assessment").body())
                    .as("the candidate's browser session survived too")
                    .contains("In progress until");
        }
    }

    private static void removeAll(String instance, String unlabelled) {
        DockerCli.removeInstance(instance);
        DockerCli.attempt("rm", "-f", unlabelled);
    }
}
