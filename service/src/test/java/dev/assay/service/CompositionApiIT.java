package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Each candidate gets their own labs: composed for them or picked by staff, and no other")
class CompositionApiIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser admin;
    private static String csrf;

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
        admin = APP.browser();
        csrf = TestApp.signIn(admin, TestApp.ADMIN);
    }

    private static JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> answer = admin.postJson(path, body, csrf);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    private static String one(String email, String stage, String choice) {
        return "{\"email\":\"" + email + "\",\"name\":\"Cand Idate\",\"roleId\":\"devops-engineer\",\"stage\":\""
                + stage + "\"" + choice + "}";
    }

    private static List<String> labs(JsonNode node) {
        List<String> labs = new ArrayList<>();
        node.forEach(lab -> labs.add(lab.asText()));
        return labs;
    }

    private static List<String> stored(long assessment) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT lab_id FROM assessment_labs WHERE assessment_id = :id ORDER BY position")
                        .bind("id", assessment)
                        .mapTo(String.class)
                        .list());
    }

    @Test
    @DisplayName("compose: auto draws labs from a seed stored with the assessment; the same stage varies by seed")
    void composedAutomatically() throws Exception {
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            JsonNode created = post(
                    "/api/v1/assessments", one("auto" + i + "@test.local", "technical", ",\"compose\":\"auto\""), 201);
            assertThat(created.path("composition").asText()).isEqualTo("auto");
            assertThat(created.path("seed").isNumber()).isTrue();
            List<String> labs = labs(created.path("labs"));
            assertThat(labs).isNotEmpty().doesNotHaveDuplicates();
            long assessment = created.path("assessmentId").asLong();
            assertThat(stored(assessment)).isEqualTo(labs);
            String logged = APP.jdbi()
                    .withHandle(h -> h.createQuery("SELECT payload FROM grade_events WHERE assessment_id = :id"
                                    + " AND event_type = 'labs-composed'")
                            .bind("id", assessment)
                            .mapTo(String.class)
                            .one());
            JsonNode event = JSON.readTree(logged);
            assertThat(event.path("seed").asLong())
                    .isEqualTo(created.path("seed").asLong());
            assertThat(labs(event.path("labs"))).isEqualTo(labs);
            seen.add(labs);
        }
        assertThat(seen).as("six seeds, more than one composition").hasSizeGreaterThan(1);
        JsonNode defaulted = post("/api/v1/assessments", one("default@test.local", "technical", ""), 201);
        assertThat(defaulted.path("composition").asText()).isEqualTo("auto");
    }

    @Test
    @DisplayName("explicit labs are the candidate's labs; a lab outside the stage, or picked twice, is refused")
    void pickedLabs() throws Exception {
        JsonNode created = post(
                "/api/v1/assessments",
                one("picked@test.local", "technical", ",\"labs\":[\"k8s-crashloop\",\"linux-web-outage\"]"),
                201);
        assertThat(created.path("composition").asText()).isEqualTo("picked");
        assertThat(labs(created.path("labs"))).containsExactly("k8s-crashloop", "linux-web-outage");
        assertThat(stored(created.path("assessmentId").asLong())).containsExactly("k8s-crashloop", "linux-web-outage");

        JsonNode outside = post(
                "/api/v1/assessments", one("outside@test.local", "technical", ",\"labs\":[\"design-incident\"]"), 400);
        assertThat(outside.path("message").asText()).contains("design-incident", "not a lab of stage technical");
        JsonNode twice = post(
                "/api/v1/assessments",
                one("twice@test.local", "technical", ",\"labs\":[\"k8s-crashloop\",\"k8s-crashloop\"]"),
                400);
        assertThat(twice.path("message").asText()).contains("picked twice");
        JsonNode both = post(
                "/api/v1/assessments",
                one("both@test.local", "technical", ",\"compose\":\"auto\",\"labs\":[\"k8s-crashloop\"]"),
                400);
        assertThat(both.path("message").asText()).contains("not both");
    }

    @Test
    @DisplayName("a candidate sees and starts only their own labs: another lab of the stage is a 404")
    void candidateKeepsToTheirLabs() throws Exception {
        JsonNode created = post(
                "/api/v1/assessments", one("own@test.local", "technical", ",\"labs\":[\"linux-web-outage\"]"), 201);
        Browser candidate = APP.browser();
        String link = URI.create(created.path("link").asText()).getPath();
        candidate.get(link);
        assertThat(candidate.postForm(link + "/accept", Map.of(), true).statusCode())
                .isEqualTo(303);
        String overview = candidate.get("/assessment").body();
        assertThat(overview)
                .contains("web server is down", "1 lab, 20 minutes in all.")
                .doesNotContain("crash-looping");
        HttpResponse<String> other = candidate.postForm("/assessment/labs/k8s-crashloop/start", Map.of(), true);
        assertThat(other.statusCode()).isEqualTo(404);
        long assessment = created.path("assessmentId").asLong();
        int started = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM lab_sessions WHERE assessment_id = :id")
                        .bind("id", assessment)
                        .mapTo(Integer.class)
                        .one());
        assertThat(started).isZero();
    }

    @Test
    @DisplayName("an interview stage has no labs; picking labs for it is refused")
    void interviewStage() throws Exception {
        JsonNode created = post("/api/v1/assessments", one("star@test.local", "star", ""), 201);
        assertThat(labs(created.path("labs"))).isEmpty();
        assertThat(created.path("composition").isNull()).isTrue();
        Browser candidate = APP.browser();
        String link = URI.create(created.path("link").asText()).getPath();
        candidate.get(link);
        assertThat(candidate.postForm(link + "/accept", Map.of(), true).statusCode())
                .isEqualTo(303);
        assertThat(candidate.get("/assessment").body())
                .as("an interview stage shows the candidate nothing to do")
                .contains("nothing to do here")
                .doesNotContain("/start", "press Start");
        JsonNode refused =
                post("/api/v1/assessments", one("star2@test.local", "star", ",\"labs\":[\"linux-web-outage\"]"), 400);
        assertThat(refused.path("message").asText()).contains("interview");
    }

    @Test
    @DisplayName("a bulk invitation of 20 rows with one bad email answers 19 links and one clear error")
    void bulk() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            String email = i == 7 ? "not-an-email" : "bulk" + i + "@test.local";
            rows.append(i > 1 ? "," : "")
                    .append("{\"name\":\"Bulk ")
                    .append(i)
                    .append("\",\"email\":\"")
                    .append(email)
                    .append("\"}");
        }
        JsonNode answer = post(
                "/api/v1/assessments/bulk",
                "{\"roleId\":\"devops-engineer\",\"stage\":\"technical\",\"candidates\":[" + rows + "]}",
                207);
        assertThat(answer.path("invited").asInt()).isEqualTo(19);
        assertThat(answer.path("refused").asInt()).isEqualTo(1);
        Set<String> links = new HashSet<>();
        for (JsonNode row : answer.path("rows")) {
            if (row.path("row").asInt() == 7) {
                assertThat(row.has("link")).isFalse();
                assertThat(row.path("error").asText()).contains("not-an-email").containsIgnoringCase("email");
            } else {
                assertThat(row.path("link").asText()).contains("/i/");
                assertThat(labs(row.path("labs"))).isNotEmpty();
                links.add(row.path("link").asText());
            }
        }
        assertThat(links).hasSize(19);
    }

    @Test
    @DisplayName("the candidate-level scorecard joins a candidate's stages by email: undecided must-haves say which"
            + " stages are still to come, and the recommendation is never advance before they are decided")
    void candidateLevelScorecard() throws Exception {
        long screening = post("/api/v1/assessments", one("plan@test.local", "screening", ""), 201)
                .path("assessmentId")
                .asLong();
        long technical = post("/api/v1/assessments", one("PLAN@test.local", "technical", ""), 201)
                .path("assessmentId")
                .asLong();
        HttpResponse<String> answer = admin.getJson("/api/v1/assessments/" + technical + "/pipeline");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode card = JSON.readTree(answer.body());
        assertThat(card.path("schema").asText()).isEqualTo("assay.candidate-scorecard/1");
        Map<String, JsonNode> stages = new java.util.HashMap<>();
        card.path("stages").forEach(stage -> stages.put(stage.path("stage").asText(), stage));
        assertThat(stages).containsKeys("screening", "technical", "system-design", "star", "final");
        assertThat(java.util.Objects.requireNonNull(stages.get("screening"))
                        .path("assessmentId")
                        .asLong())
                .isEqualTo(screening);
        assertThat(java.util.Objects.requireNonNull(stages.get("screening"))
                        .path("state")
                        .asText())
                .isEqualTo("invited");
        assertThat(java.util.Objects.requireNonNull(stages.get("star"))
                        .path("state")
                        .asText())
                .isEqualTo("not invited");
        assertThat(card.path("recommendation").path("verdict").asText()).isEqualTo("review");
        JsonNode linux = null;
        for (JsonNode skill : card.path("skills")) {
            if (skill.path("id").asText().equals("linux")) {
                linux = skill;
            }
        }
        assertThat(linux).isNotNull();
        assertThat(java.util.Objects.requireNonNull(linux).path("rating").isNull())
                .isTrue();
        assertThat(linux.path("noDecision").asText()).contains("still to come", "screening (invited)");
        ratedKitQuestionCounts(technical);
        Browser outsider = APP.browser();
        TestApp.signIn(outsider, TestApp.OUTSIDER);
        assertThat(outsider.getJson("/api/v1/assessments/" + technical + "/pipeline")
                        .statusCode())
                .as("an interviewer not assigned to the assessment")
                .isEqualTo(404);
    }

    /** A rated STAR question joins the plan: the stage is in progress and the question is a source of its skills. */
    private static void ratedKitQuestionCounts(long technical) throws Exception {
        long star = post("/api/v1/assessments", one("plan@test.local", "star", ""), 201)
                .path("assessmentId")
                .asLong();
        HttpResponse<String> rated = admin.sendJson(
                "PUT",
                "/api/v1/assessments/" + star + "/kit/incident-owned",
                "{\"rating\":4,\"notes\":\"owned the follow-up\"}",
                csrf);
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(
                admin.getJson("/api/v1/assessments/" + technical + "/pipeline").body());
        List<String> states = new ArrayList<>();
        after.path("stages")
                .forEach(stage -> states.add(
                        stage.path("stage").asText() + "=" + stage.path("state").asText()));
        assertThat(states).contains("star=in progress");
        List<String> sources = new ArrayList<>();
        after.path("skills")
                .forEach(skill -> skill.path("sources")
                        .forEach(source -> sources.add(skill.path("id").asText() + ":" + source.asText())));
        assertThat(sources).contains("monitoring:star/kit:star (1)");
    }
}
