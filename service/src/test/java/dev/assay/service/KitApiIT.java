package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rating an interview stage's kit through the API and the kit page: the assigned interviewer rates, the grade log
 * records it, the credit is the mean of each interviewer's latest rating; an unassigned interviewer gets 404 and bad
 * input a 400 that says what to fix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Interviewers rate an interview stage's kit")
class KitApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    /** Invites a candidate to an interview stage (no labs) as the admin and assigns the interviewer. */
    static long inviteToInterview(String name, String stage) {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"kit@test.local\",\"name\":\"" + name + "\",\"roleId\":\"devops-engineer\",\"stage\":\""
                        + stage + "\"}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).path("assessmentId").asLong();
        var assigned = admin.sendJson("PUT", "/api/v1/assessments/" + id + "/assignees/" + TestApp.INTERVIEWER, csrf);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("the assigned interviewer and an admin rate a question; credit is the mean of their latest ratings")
    void assignedInterviewerRates() {
        long id = inviteToInterview("Kim Kit", "star");
        Browser interviewer = APP.browser();
        String csrf = TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        JsonNode kit = read(interviewer.getJson("/api/v1/assessments/" + id + "/kit"));
        assertThat(kit.path("stage").asText()).isEqualTo("star");
        JsonNode first = kit.path("questions").get(0);
        assertThat(first.path("id").asText()).isEqualTo("incident-owned");
        assertThat(first.path("anchors")).hasSize(5);
        assertThat(first.path("notesPrompt").asText()).contains("signals");
        assertThat(first.path("credit").isNull()).as("nobody rated it yet").isTrue();

        var rated = put(interviewer, csrf, id, "incident-owned", "{\"rating\": 2, \"notes\": \"first take\"}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        rated = put(interviewer, csrf, id, "incident-owned", "{\"rating\": 4, \"notes\": \"owned the follow-up\"}");
        assertThat(read(rated).path("credit").asDouble())
                .as("the latest rating counts")
                .isEqualTo(0.75);
        Browser admin = APP.browser();
        String adminCsrf = TestApp.signIn(admin, TestApp.ADMIN);
        JsonNode both = read(put(admin, adminCsrf, id, "incident-owned", "{\"rating\": 5}"));
        assertThat(both.path("credit").asDouble()).isCloseTo(0.875, within(1e-9));
        assertThat(both.path("ratings")).hasSize(2);
        assertThat(both.path("ratings").get(0).path("by").asText()).isEqualTo("Interviewer");
        assertThat(both.path("ratings").get(0).path("notes").asText()).isEqualTo("owned the follow-up");

        List<GradeEventDao.Event> events = events(id);
        assertThat(events.stream().filter(e -> e.eventType().equals(GradeEvents.KIT_RATED)))
                .hasSize(3)
                .last()
                .satisfies(e -> assertThat(e.payload())
                        .isEqualTo("{\"question\":\"incident-owned\",\"rating\":5,\"notes\":\"\"}"));
        put(admin, adminCsrf, id, "incident-owned", "{\"rating\": 5}");
        assertThat(APP.jdbi()
                        .withExtension(GradeEventDao.class, dao -> dao.all(id))
                        .size())
                .as("the same rating again adds nothing")
                .isEqualTo(events.size());
    }

    @Test
    @DisplayName("an interviewer not assigned to the assessment gets 404 for the kit and for rating it")
    void unassignedGets404() {
        long id = inviteToInterview("Una Assigned", "star");
        Browser outsider = APP.browser();
        String csrf = TestApp.signIn(outsider, TestApp.OUTSIDER);
        assertThat(outsider.getJson("/api/v1/assessments/" + id + "/kit").statusCode())
                .isEqualTo(404);
        assertThat(put(outsider, csrf, id, "incident-owned", "{\"rating\": 3}").statusCode())
                .isEqualTo(404);
        assertThat(outsider.get("/admin/assessments/" + id + "/kit").statusCode())
                .isEqualTo(404);
        assertThat(events(id)).noneMatch(e -> e.eventType().equals(GradeEvents.KIT_RATED));
    }

    @Test
    @DisplayName("bad input is a 400 that says what to fix, and nothing is recorded")
    void badInput() {
        long id = inviteToInterview("Bea Bad", "final");
        long technical = APP.invite("Tess Technical").assessmentId();
        Browser interviewer = APP.browser();
        String csrf = TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        String question = read(interviewer.getJson("/api/v1/assessments/" + id + "/kit"))
                .path("questions")
                .get(0)
                .path("id")
                .asText();
        Map<String, String> cases = Map.of(
                "{\"rating\": 6}",
                "rating: a whole number from 1 to 5",
                "{\"rating\": 0}",
                "rating: a whole number from 1 to 5",
                "{\"rating\": 4.5}",
                "rating: a whole number from 1 to 5",
                "{\"rating\": \"4\"}",
                "rating: a whole number from 1 to 5",
                "{\"notes\": \"no rating\"}",
                "rating: a whole number from 1 to 5",
                "{\"rating\": 3, \"notes\": \"" + "x".repeat(4001) + "\"}",
                "notes: at most 4000 characters",
                "{\"rating\": 3, \"notes\": \"hidden \\u202e text\"}",
                "notes: remove the control",
                "{\"rating\": 3, \"credit\": 1}",
                "unknown field 'credit'");
        cases.forEach((body, message) -> {
            var answer = put(interviewer, csrf, id, question, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains(message);
        });
        var unknown = put(interviewer, csrf, id, "no-such-question", "{\"rating\": 3}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("has no question 'no-such-question'");
        var labs = put(interviewer, csrf, technical, "incident-owned", "{\"rating\": 3}");
        assertThat(labs.statusCode()).isEqualTo(400);
        assertThat(labs.body()).contains("only an interview stage has a kit");
        assertThat(interviewer
                        .getJson("/api/v1/assessments/" + technical + "/kit")
                        .statusCode())
                .isEqualTo(400);
        assertThat(events(id)).noneMatch(e -> e.eventType().equals(GradeEvents.KIT_RATED));
    }

    @Test
    @DisplayName("the kit page: a form post without the CSRF token is refused, a bad rating re-shows the page with"
            + " the error, notes are shown escaped")
    void pageFormIsCheckedAndEscaped() {
        long id = inviteToInterview("Pat Page", "star");
        Browser interviewer = APP.browser();
        TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        String review = interviewer.get("/admin/assessments/" + id).body();
        assertThat(review).contains("href=\"/admin/assessments/" + id + "/kit\"");
        String page = interviewer.get("/admin/assessments/" + id + "/kit").body();
        assertThat(page).contains("Write down the signals they used", "No concrete incident", "Iterative Improvement");
        String path = "/admin/assessments/" + id + "/kit";
        var noCsrf = interviewer.postForm(path, Map.of("question", "incident-owned", "rating", "3"), false);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        var bad = interviewer.postForm(path, Map.of("question", "incident-owned", "rating", "9"), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("rating: a whole number from 1 to 5");
        var good = interviewer.postForm(
                path, Map.of("question", "incident-owned", "rating", "3", "notes", "<script>alert(1)</script>"), true);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(303);
        String after = interviewer.get(path).body();
        assertThat(after).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    private static List<GradeEventDao.Event> events(long id) {
        return APP.jdbi().withExtension(GradeEventDao.class, dao -> dao.all(id));
    }

    private static HttpResponse<String> put(Browser who, String csrf, long id, String question, String body) {
        return who.sendJson("PUT", "/api/v1/assessments/" + id + "/kit/" + question, body, csrf);
    }

    private static JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
