package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Candidates start the labs of their stage, from a warm pool, once, and only their own")
class CandidateLabsIT {
    private static final String LAB = "linux-web-outage";
    /**
     * The pooled lab: a technical lab without parameters (linux-web-outage and aws-policy-review have parameters,
     * drawn per session, so they cannot be pooled).
     */
    private static final String POOLED = "aws-ci-deployer-policy";

    static final TestApp APP = TestApp.create(ConfigOverride.config("environments.pools", POOLED + "=1"));
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    private static long unclaimed() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM environment_handles"
                                + " WHERE lab_session_id IS NULL AND destroyed_at IS NULL AND lab_id = :lab")
                        .bind("lab", POOLED)
                        .mapTo(Long.class)
                        .one());
    }

    private static void awaitPoolReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (unclaimed() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(unclaimed()).as("the configured pool of 1 filled").isEqualTo(1);
    }

    private static JsonNode sessions(long assessmentId) throws Exception {
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.INTERVIEWER);
        HttpResponse<String> response = staff.getJson("/api/v1/assessments/" + assessmentId + "/sessions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @DisplayName("the overview lists the stage's labs; Start hands over a warm environment and the pool refills")
    void startsFromTheWarmPool() throws Exception {
        TestApp.Candidate candidate = APP.invite("Warm Start", "technical", "[\"" + POOLED + "\"]");
        Browser browser = candidate.browser();
        browser.get(candidate.link());
        assertThat(browser.postForm(candidate.link() + "/accept", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        String overview = browser.get("/assessment").body();
        assertThat(overview)
                .contains("A least-privilege policy for the CI deployer", "20 minutes", "Not started", "is recorded")
                .contains("action=\"/assessment/labs/" + POOLED + "/start\"");
        awaitPoolReady();

        HttpResponse<String> start = browser.postForm("/assessment/labs/" + POOLED + "/start", Map.of(), true);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        assertThat(start.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/assessment/labs/" + POOLED));
        assertThat(browser.get("/assessment").body())
                .contains("In progress until")
                .doesNotContain("Not started");

        JsonNode detail = sessions(candidate.assessmentId()).get(0);
        assertThat(detail.path("session").path("state").asText()).isEqualTo("active");
        assertThat(detail.path("events").toString()).contains("(warm pool)");
        String container = detail.path("environment").path("externalId").asText();
        assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", container))
                .isEqualTo("true");
        String planted = "test -x /root/deployer/deploy.sh && test -s /root/deployer/policy.json && echo planted";
        assertThat(DockerCli.run("exec", container, "sh", "-c", planted))
                .as("the lab's setup ran before the hand-over: the deploy script and its policy are planted")
                .contains("planted");
        awaitPoolReady();
    }

    @Test
    @DisplayName("pressing Start twice, even at the same moment, makes one session and one environment")
    void doubleStartMakesOneSession() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Double Click");
        Browser browser = candidate.browser();
        ExecutorService clicks = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(clicks.submit(() -> browser.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                    .statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(303);
        }
        clicks.shutdown();
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);

        JsonNode all = sessions(candidate.assessmentId());
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).path("session").path("attempt").asInt()).isEqualTo(1);
        awaitPoolReady();
        long live = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lab_sessions WHERE state = 'active'")
                        .mapTo(Long.class)
                        .one());
        assertThat(DockerCli.run("ps", "-q", "--filter", "label=assay.instance=" + APP.instance())
                        .lines()
                        .count())
                .as("one container per active session plus the pool's, nothing else")
                .isEqualTo(live + unclaimed());
    }

    @Test
    @DisplayName("a lab outside the candidate's stage, a missing CSRF token or no candidate session start nothing")
    void onlyOwnLabsStart() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Stranger");
        Browser browser = candidate.browser();
        assertThat(browser.postForm("/assessment/labs/no-such-lab/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/start", Map.of(), false)
                        .statusCode())
                .isEqualTo(403);
        assertThat(APP.browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), false)
                        .statusCode())
                .isIn(401, 403);
        assertThat(browser.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions")
                        .statusCode())
                .as("candidates do not read the staff API, not even about themselves")
                .isEqualTo(403);
        assertThat(sessions(candidate.assessmentId()).size()).isZero();
    }

    @Test
    @DisplayName("Submit grades once; staff read the result and the scorecard, candidates read neither")
    void submitGradesAndStaffReadTheResult() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Submitter");
        Browser browser = candidate.browser();
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true)
                        .statusCode())
                .as("nothing started yet")
                .isEqualTo(404);
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/assessment").body()).contains("Submit for grading");
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true)
                        .statusCode())
                .as("a second submit changes nothing")
                .isEqualTo(303);
        assertThat(browser.get("/assessment").body()).contains("Submitted.").doesNotContain("Submit for grading");

        JsonNode detail = sessions(candidate.assessmentId()).get(0);
        assertThat(detail.path("session").path("state").asText()).isEqualTo("graded");
        long session = detail.path("session").path("id").asLong();
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.INTERVIEWER);
        HttpResponse<String> result =
                staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions/" + session + "/result");
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(result.body());
        assertThat(json.path("schema").asText()).isEqualTo("assay.result/1");
        assertThat(json.path("score").asDouble()).as("an untouched lab").isZero();
        assertThat(json.path("tests").size()).isEqualTo(4);

        HttpResponse<String> card = staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/scorecard");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        assertThat(JSON.readTree(card.body())
                        .path("recommendation")
                        .path("verdict")
                        .asText())
                .isEqualTo("reject");
        HttpResponse<String> csv = staff.get("/api/v1/assessments/" + candidate.assessmentId() + "/scorecard.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().toList())
                .first()
                .isEqualTo(
                        "assessment,role,stage,recommendation,recommendation_reasons,decision,skill,must_have,assessed,score,"
                                + "coverage,counted_checks,rating,no_decision");
        assertThat(csv.body()).contains(candidate.assessmentId() + ",devops-engineer,technical,reject,");
        assertThat(csv.body().lines().count())
                .isEqualTo(1 + JSON.readTree(card.body()).path("skills").size());
        assertThat(staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions/999999/result")
                        .statusCode())
                .isEqualTo(404);
        assertThat(browser.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/scorecard")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("the admin grade task grades a running session, prints every check and stores nothing")
    void gradeTaskPrintsWithoutStoring() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Inspected");
        candidate.browser().postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        long session = sessions(candidate.assessmentId())
                .get(0)
                .path("session")
                .path("id")
                .asLong();
        Browser admin = new Browser(APP.admin());
        HttpResponse<String> printed = admin.postRaw("/tasks/grade?session=" + session, "text/plain", "");
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.body())
                .contains("config-serves-80", "serves-shop", "nginx-listens", "nginx-test-in-lab")
                .contains("advisory")
                .contains("0.0 of 6.0 counted points (nothing stored)");
        long stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM check_results WHERE lab_session_id = :s")
                        .bind("s", session)
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).isZero();
        assertThat(admin.postRaw("/tasks/grade?session=abc", "text/plain", "").body())
                .contains("say which lab session");
    }
}
