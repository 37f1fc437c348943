package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.User;
import dev.assay.service.db.UserDao;
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
 * Staff scopes over HTTP against the real service: an interviewer sees and acts on the assessments an admin assigned
 * them to and nothing else (404, exactly as for an assessment that does not exist), admins on all of them; every
 * assignment change is in the grade log; lab statistics are for admins.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Staff scopes: interviewers see and act on their assigned assessments only")
class StaffScopesIT {
    private static final String LAB = "linux-web-outage";
    private static final long MISSING = 987_654_321L;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    /** Every read of one assessment: pages, API, CSV export, results and the terminal recording. */
    private static List<String> reads(long id, long session) {
        String api = "/api/v1/assessments/" + id;
        return List.of(
                "/admin/assessments/" + id,
                api,
                api + "/scorecard",
                api + "/scorecard.csv",
                api + "/sessions",
                api + "/sessions/" + session + "/result",
                api + "/sessions/" + session + "/recording",
                api + "/assignees");
    }

    /** Every change a reviewer makes to one assessment, with valid input. */
    private static Map<String, Map<String, String>> writes(long id) {
        String page = "/admin/assessments/" + id;
        return Map.of(
                page + "/reveal", Map.of(),
                page + "/notes", Map.of("text", "a note"),
                page + "/rating", Map.of("overall", "yes"),
                page + "/overrides",
                        Map.of(
                                "target", "recommendation",
                                "verdict", "advance",
                                "reason", "other",
                                "comment", "seen in the interview"));
    }

    @Test
    @DisplayName("an unassigned interviewer gets 404 on every route of the assessment, as if it did not exist,"
            + " and changes nothing")
    void unassignedInterviewerGetsNotFound() throws Exception {
        long id = invite("Sam Scoped", "sam.scoped@test.local");
        long session = HostileAttempt.seed(APP.jdbi(), id, LAB, "sam-terminal-output");
        int events = events(id).size();
        Browser outsider = signedIn(TestApp.OUTSIDER);
        for (String route : reads(id, session)) {
            HttpResponse<String> answer = fetch(outsider, route);
            assertThat(answer.statusCode()).as("GET " + route).isEqualTo(404);
            assertNothingLeaked(route, answer, fetch(outsider, missing(route, id)));
        }
        for (var write : writes(id).entrySet()) {
            HttpResponse<String> answer = outsider.postForm(write.getKey(), write.getValue(), true);
            assertThat(answer.statusCode()).as("POST " + write.getKey()).isEqualTo(404);
            assertNothingLeaked(
                    write.getKey(), answer, outsider.postForm(missing(write.getKey(), id), write.getValue(), true));
        }
        assertThat(events(id)).as("the grade log is untouched").hasSize(events);
    }

    @Test
    @DisplayName("the assigned interviewer and an admin read and act on every route of the assessment")
    void assignedInterviewerAndAdminAreAllowed() throws Exception {
        long id = invite("Ann Assigned", "ann.assigned@test.local");
        long session = HostileAttempt.seed(APP.jdbi(), id, LAB, "ann-terminal-output");
        assertThat(assign(id, TestApp.INTERVIEWER).statusCode()).isEqualTo(200);
        for (String who : List.of(TestApp.INTERVIEWER, TestApp.ADMIN)) {
            Browser staff = signedIn(who);
            for (String route : reads(id, session)) {
                HttpResponse<String> answer = fetch(staff, route);
                assertThat(answer.statusCode()).as(who + " GET " + route).isEqualTo(200);
            }
            staff.get("/admin/assessments/" + id);
            for (var write : writes(id).entrySet()) {
                assertThat(staff.postForm(write.getKey(), write.getValue(), true)
                                .statusCode())
                        .as(who + " POST " + write.getKey())
                        .isEqualTo(303);
            }
        }
        assertThat(events(id).stream().map(GradeEventDao.Event::eventType))
                .contains("staff-assigned", "note", "interviewer-rated", "recommendation-overridden");
    }

    @Test
    @DisplayName("the dashboard and the API list of an interviewer hold only their assessments; unassigning is"
            + " logged with who and when, and closes the assessment to them again")
    void listsFollowAssignments() throws Exception {
        long id = invite("Lou Listed", "lou.listed@test.local");
        Browser outsider = signedIn(TestApp.OUTSIDER);
        Browser interviewer = signedIn(TestApp.INTERVIEWER);
        Browser admin = signedIn(TestApp.ADMIN);
        assertListed(admin, id, true);
        assertListed(outsider, id, false);
        assertListed(interviewer, id, false);

        assertThat(assign(id, TestApp.INTERVIEWER).statusCode()).isEqualTo(200);
        assertListed(interviewer, id, true);
        assertListed(outsider, id, false);
        JsonNode assignees = JSON.readTree(
                interviewer.getJson("/api/v1/assessments/" + id + "/assignees").body());
        assertThat(assignees.findValuesAsText("email")).containsExactlyInAnyOrder(TestApp.ADMIN, TestApp.INTERVIEWER);

        HttpResponse<String> removed = admin.sendJson(
                "DELETE", "/api/v1/assessments/" + id + "/assignees/" + TestApp.INTERVIEWER, csrf(admin));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertListed(interviewer, id, false);
        assertThat(interviewer.get("/admin/assessments/" + id).statusCode()).isEqualTo(404);

        long adminId = userId(TestApp.ADMIN);
        List<GradeEventDao.Event> log = events(id);
        assertThat(log)
                .filteredOn(e -> e.eventType().startsWith("staff-"))
                .extracting(GradeEventDao.Event::eventType, GradeEventDao.Event::actorUserId)
                .as("who assigned whom and when: the inviting admin, then the interviewer, then unassigned")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("staff-assigned", adminId),
                        org.assertj.core.groups.Tuple.tuple("staff-assigned", adminId),
                        org.assertj.core.groups.Tuple.tuple("staff-unassigned", adminId));
        assertThat(log.get(log.size() - 1).payload()).contains(TestApp.INTERVIEWER);
        admin.get("/admin/assessments/" + id);
        admin.postForm("/admin/assessments/" + id + "/reveal", Map.of(), true);
        assertThat(admin.get("/admin/assessments/" + id).body())
                .as("the review page's grade log names the change")
                .contains("staff-unassigned " + TestApp.INTERVIEWER);
    }

    @Test
    @DisplayName("admins assign at invitation time and on the review page; interviewers cannot assign anyone")
    void adminsAssignInPages() throws Exception {
        Browser admin = signedIn(TestApp.ADMIN);
        admin.get("/admin");
        HttpResponse<String> invited = admin.postForm(
                "/admin/invitations",
                Map.of(
                        "name", "Ida Invited",
                        "email", "ida@test.local",
                        "target", "devops-engineer/technical",
                        "assignee", TestApp.OUTSIDER),
                true);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        Browser outsider = signedIn(TestApp.OUTSIDER);
        assertThat(outsider.get("/admin").body()).contains("Ida Invited");
        long id = JSON.readTree(outsider.getJson("/api/v1/assessments").body())
                .path(0)
                .path("assessmentId")
                .asLong();
        assertThat(outsider.get("/admin/assessments/" + id).statusCode()).isEqualTo(200);

        Browser interviewer = signedIn(TestApp.INTERVIEWER);
        String page = "/admin/assessments/" + id;
        assertThat(interviewer.get(page).statusCode()).isEqualTo(404);
        assertThat(admin.get(page).body()).contains("Outsider", "Assign");
        assertThat(admin.postForm(page + "/assignees", Map.of("email", TestApp.INTERVIEWER), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(interviewer.get(page).statusCode()).isEqualTo(200);
        assertThat(interviewer
                        .postForm(page + "/assignees/remove", Map.of("email", TestApp.OUTSIDER), true)
                        .statusCode())
                .as("an interviewer assigns nobody")
                .isEqualTo(403);
        assertThat(admin.postForm(page + "/assignees/remove", Map.of("email", TestApp.OUTSIDER), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(outsider.get(page).statusCode()).isEqualTo(404);
        assertThat(admin.postForm(page + "/assignees", Map.of("email", "nobody@test.local"), true)
                        .body())
                .as("an unknown account is refused with what to do")
                .contains("no staff account nobody@test.local");
    }

    @Test
    @DisplayName("lab statistics, page and API, are for admins only; interviewers still read labs and rubrics")
    void statisticsAreAdminOnly() {
        Browser interviewer = signedIn(TestApp.INTERVIEWER);
        assertThat(interviewer.getJson("/api/v1/labs/" + LAB + "/statistics").statusCode())
                .isEqualTo(403);
        assertThat(interviewer.get("/admin/labs/" + LAB + "/statistics").statusCode())
                .isEqualTo(403);
        HttpResponse<String> labs = interviewer.get("/admin/labs");
        assertThat(labs.statusCode()).isEqualTo(200);
        assertThat(labs.body()).doesNotContain("/statistics");
        assertThat(interviewer.get("/admin/rubrics/devops-engineer/technical").statusCode())
                .isEqualTo(200);

        Browser admin = signedIn(TestApp.ADMIN);
        assertThat(admin.getJson("/api/v1/labs/" + LAB + "/statistics").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/admin/labs/" + LAB + "/statistics").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/labs").body()).contains("/admin/labs/" + LAB + "/statistics");
    }

    /** Pages, the CSV and the recording as a browser asks for them; the JSON API as a client does. */
    private static HttpResponse<String> fetch(Browser staff, String route) {
        boolean browser = route.startsWith("/admin") || route.endsWith(".csv") || route.endsWith("/recording");
        return browser ? staff.get(route) : staff.getJson(route);
    }

    private static void assertNothingLeaked(String route, HttpResponse<String> answer, HttpResponse<String> none) {
        assertThat(answer.body())
                .as("404 of " + route + " names no candidate")
                .doesNotContain("Scoped", "sam.scoped", "sam-terminal-output");
        assertThat(none.statusCode()).as("missing " + route).isEqualTo(404);
        assertThat(answer.body().replaceAll("\\d+", "N"))
                .as("the 404 of " + route + " is the 404 of an assessment that does not exist")
                .isEqualTo(none.body().replaceAll("\\d+", "N"));
    }

    private static String missing(String route, long id) {
        return route.replace("/" + id, "/" + MISSING);
    }

    private static void assertListed(Browser staff, long id, boolean listed) throws Exception {
        String dashboard = staff.get("/admin").body();
        List<Long> ids = JSON.readTree(staff.getJson("/api/v1/assessments").body()).findValues("assessmentId").stream()
                .map(JsonNode::asLong)
                .toList();
        if (listed) {
            assertThat(dashboard).contains("/admin/assessments/" + id + "\"");
            assertThat(ids).contains(id);
        } else {
            assertThat(dashboard).doesNotContain("/admin/assessments/" + id + "\"");
            assertThat(ids).doesNotContain(id);
        }
    }

    /** Invites through the API as the admin, who becomes its first assignee; nobody else is assigned. */
    private static long invite(String name, String email) throws Exception {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"" + email + "\",\"name\":\"" + name
                        + "\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("assessmentId").asLong();
    }

    private static HttpResponse<String> assign(long id, String email) {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        return admin.sendJson("PUT", "/api/v1/assessments/" + id + "/assignees/" + email, csrf);
    }

    private static final Map<Browser, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Browser signedIn(String email) {
        Browser browser = APP.browser();
        TOKENS.put(browser, TestApp.signIn(browser, email));
        browser.get("/admin");
        return browser;
    }

    private static String csrf(Browser browser) {
        return java.util.Objects.requireNonNull(TOKENS.get(browser));
    }

    private static List<GradeEventDao.Event> events(long id) {
        return APP.jdbi().withExtension(GradeEventDao.class, dao -> dao.all(id));
    }

    private static long userId(String email) {
        return APP.jdbi()
                .withExtension(UserDao.class, dao -> dao.findByEmail(email))
                .map(User::id)
                .orElseThrow();
    }
}
