package dev.assay.service.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input suite: what an anonymous visitor, a candidate and a staff member outside an assessment try
 * against the real service, by category, each attempt recorded as held or not and the counts printed at the end
 * ("hostile-input suite: N attempts, M held"). Terminal reconnect storms and runaway disks have suites of their own
 * (TerminalStormIT, LabDiskIT, ScratchSpaceIT), as does every assessment route under staff scopes (StaffScopesIT).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Hostile-input suite: bodies, names, caching, redirects and scopes as visitor, candidate and staff")
class HostileInputIT {
    private static final String DESIGN_LAB = "design-nodered-scale";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEN_MIB = 10 << 20;

    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final Tally TALLY = new Tally();

    private static Browser admin;
    private static String adminCsrf = "";
    private static Browser candidate;
    private static TestApp.Candidate designCandidate;

    @BeforeAll
    static void actors() throws Exception {
        APP.prepare();
        admin = APP.browser();
        adminCsrf = TestApp.signIn(admin, TestApp.ADMIN);
        designCandidate = APP.invite("Dee Designer", "system-design");
        candidate = designCandidate.browser();
        candidate.get(designCandidate.link());
        assertThat(candidate
                        .postForm(designCandidate.link() + "/accept", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        candidate.get("/assessment");
        assertThat(candidate
                        .postForm("/assessment/labs/" + DESIGN_LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        candidate.get("/assessment/labs/" + DESIGN_LAB);
    }

    @AfterAll
    static void report() {
        System.out.print(TALLY.table());
        APP.removeEnvironments();
    }

    /** The bodies every JSON route is sent: nothing, JSON's other values, broken JSON, deep nesting, 10 MiB. */
    private static Map<String, String> hostileBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty", "");
        bodies.put("null", "null");
        bodies.put("{}", "{}");
        bodies.put("[]", "[]");
        bodies.put("a string", "\"hello\"");
        bodies.put("a number", "42");
        bodies.put("cut short", "{\"email\": ");
        bodies.put("wrong types", "{\"email\": {\"a\": 1}, \"yaml\": [1], \"name\": [], \"password\": {}}");
        bodies.put("deep nesting", "[".repeat(100_000) + "]".repeat(100_000));
        bodies.put("10 MiB", "{\"email\": \"" + "a".repeat(TEN_MIB) + "\", \"yaml\": \"x\"}");
        return bodies;
    }

    private record JsonRoute(String path, Browser browser, String csrf) {}

    @Test
    @Order(1)
    void everyJsonRouteRefusesBadBodiesWithA400AndAMessage() throws Exception {
        Browser visitor = APP.browser();
        String visitorCsrf = TestApp.jsonToken(visitor.getJson("/api/v1/csrf"));
        List<JsonRoute> routes = List.of(
                new JsonRoute("/api/v1/session", visitor, visitorCsrf),
                new JsonRoute("/api/v1/assessments", admin, adminCsrf),
                new JsonRoute("/assessment/labs/" + DESIGN_LAB + "/design/preview", candidate, candidate.csrf()),
                new JsonRoute("/assessment/labs/" + DESIGN_LAB + "/design/save", candidate, candidate.csrf()));
        for (JsonRoute route : routes) {
            for (Map.Entry<String, String> body : hostileBodies().entrySet()) {
                HttpResponse<String> answer = posted(route, body.getValue());
                judgeRefusal("json-bodies", "POST " + route.path() + " with " + body.getKey(), answer);
            }
            HttpResponse<String> streamed = streamed(route, TEN_MIB);
            judgeRefusal("json-bodies", "POST " + route.path() + " with 10 MiB streamed (no length)", streamed);
        }
        assertHeld("json-bodies");
    }

    /**
     * Posts the body; once more when the pooled connection turned out closed before anything was read ("received no
     * bytes": the service never saw the request, typically a keep-alive connection closed while a 10 MiB stream on
     * another was refused).
     */
    private static HttpResponse<String> posted(JsonRoute route, String body) {
        try {
            return route.browser().postJson(route.path(), body, route.csrf());
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                return route.browser().postJson(route.path(), body, route.csrf());
            }
            throw e;
        }
    }

    /** Refused as bad input: 400 or 413, a JSON body with a message, never a server error. */
    private static void judgeRefusal(String category, String what, HttpResponse<String> answer) {
        boolean held = (answer.statusCode() == 400 || answer.statusCode() == 413) && hasMessage(answer.body());
        TALLY.record(category, what, held, answer.statusCode() + " " + cut(answer.body()));
    }

    private static boolean hasMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && !node.path("message").asText("").isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<String> streamed(JsonRoute route, int size) throws Exception {
        byte[] body = ("{\"email\": \"" + "a".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(APP.base().resolve(route.path()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", route.csrf())
                .header("Cookie", route.browser().cookieHeader())
                .header("X-Forwarded-For", "10.77.0.1")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The service may answer 413 and close before the client has sent everything; that is a refusal too.
            return new CannedResponse(413, "{\"message\": \"connection closed after the limit: " + e + "\"}");
        }
    }

    @Test
    @Order(2)
    void namesAndEmailsThatHideOrReorderTextAreRefused() {
        List<String[]> people = List.of(
                new String[] {"eve@example.com", "Eve \u202Egnp.exe"},
                new String[] {"eve@example.com", "Eve\u200B Adams"},
                new String[] {"eve@example.com", "Eve \u2066Adams\u2069"},
                new String[] {"eve@example.com", "Eve\u00ADAdams"},
                new String[] {"eve@example.com", "Eve\u061CAdams"},
                new String[] {"eve@example.com", "Eve\nAdams"},
                new String[] {"eve@example.com", "Eve\u0085Adams"},
                new String[] {"eve\u200B@example.com", "Eve"},
                new String[] {"\u202Eeve@example.com", "Eve"},
                new String[] {"eve@exa\u200Dmple.com", "Eve"});
        long before = candidates();
        for (String[] person : people) {
            String body;
            try {
                body = JSON.writeValueAsString(Map.of(
                        "email", person[0], "name", person[1], "roleId", "devops-engineer", "stage", "technical"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            HttpResponse<String> answer = admin.postJson("/api/v1/assessments", body, adminCsrf);
            judgeRefusal("names", "invite " + JSON.valueToTree(person[0]) + " " + JSON.valueToTree(person[1]), answer);
        }
        TALLY.record("names", "nothing stored", candidates() == before, (candidates() - before) + " stored");
        assertHeld("names");
    }

    private static long candidates() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM candidates")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    @Order(3)
    void nothingWithTokensOrCandidateDataIsCached() throws Exception {
        TestApp.Candidate other = APP.invite("Cole Cached");
        Browser visitor = APP.browser();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("GET /api/v1/csrf (visitor)", visitor.getJson("/api/v1/csrf"));
        answers.put("GET /i/<token> (visitor)", visitor.get(other.link()));
        answers.put("GET /login", visitor.get("/login"));
        answers.put("GET /admin (admin)", admin.get("/admin"));
        answers.put("GET /api/v1/assessments (admin)", admin.getJson("/api/v1/assessments"));
        answers.put(
                "GET /api/v1/assessments/<id> (admin)", admin.getJson("/api/v1/assessments/" + other.assessmentId()));
        answers.put(
                "GET /api/v1/assessments/<id>/scorecard (admin)",
                admin.getJson("/api/v1/assessments/" + other.assessmentId() + "/scorecard"));
        answers.put(
                "GET /api/v1/assessments/<id>/scorecard.csv (admin)",
                admin.get("/api/v1/assessments/" + other.assessmentId() + "/scorecard.csv"));
        answers.put("GET /admin/assessments/<id> (admin)", admin.get("/admin/assessments/" + other.assessmentId()));
        answers.put(
                "POST /api/v1/assessments: the new invitation link",
                admin.postJson(
                        "/api/v1/assessments",
                        "{\"email\":\"new@test.local\",\"name\":\"Nia New\",\"roleId\":\"devops-engineer\","
                                + "\"stage\":\"technical\"}",
                        adminCsrf));
        answers.put("GET /assessment (candidate)", candidate.get("/assessment"));
        answers.put("GET design draft (candidate)", candidate.getJson("/assessment/labs/" + DESIGN_LAB + "/design"));
        answers.put("GET a missing API route", admin.getJson("/api/v1/nothing-here"));
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            String cache =
                    answer.getValue().headers().firstValue("Cache-Control").orElse("");
            TALLY.record(
                    "caching",
                    answer.getKey() + " is no-store",
                    cache.contains("no-store"),
                    answer.getValue().statusCode() + " Cache-Control: " + cache);
        }
        for (String page : List.of("GET /i/<token> (visitor)", "GET /assessment (candidate)", "GET /admin (admin)")) {
            String policy = java.util.Objects.requireNonNull(answers.get(page))
                    .headers()
                    .firstValue("Referrer-Policy")
                    .orElse("");
            TALLY.record(
                    "caching", page + " sends no Referer", policy.equals("no-referrer"), "Referrer-Policy: " + policy);
        }
        assertHeld("caching");
    }

    @Test
    @Order(4)
    void aForgedHostNeverBecomesARedirect() throws Exception {
        int port = APP.base().getPort();
        List<String> targets = List.of(
                "GET / ",
                "GET /admin ",
                "GET /admin/labs ",
                "GET /assessment ",
                "GET /admin/assessments/1 ",
                "GET /assets ",
                "GET /webjars ",
                "GET /login?next=//evil.example/ ");
        for (String target : targets) {
            for (String forge : List.of("Host: evil.example", "Host: 127.0.0.1\r\nX-Forwarded-Host: evil.example")) {
                RawHttp.Answer answer = RawHttp.send(
                        port, target + "HTTP/1.1\r\n" + forge + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
                String location = answer.header("Location");
                boolean held = location.isEmpty()
                        || (location.startsWith("/")
                                && !location.startsWith("//")
                                && !location.contains("evil.example"));
                TALLY.record(
                        "redirects",
                        target.trim() + " with " + forge.replace("\r\n", ", "),
                        held,
                        answer.status() + " Location: " + location);
            }
        }
        assertHeld("redirects");
    }

    @Test
    @Order(5)
    void anInterviewerOutsideAnAssessmentFindsNothing() {
        TestApp.Candidate assigned = APP.invite("Sam Scoped");
        long id = assigned.assessmentId();
        Browser outsider = APP.browser();
        String csrf = TestApp.signIn(outsider, TestApp.OUTSIDER);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("GET review page", outsider.get("/admin/assessments/" + id));
        answers.put("GET assessment API", outsider.getJson("/api/v1/assessments/" + id));
        answers.put("GET scorecard", outsider.getJson("/api/v1/assessments/" + id + "/scorecard"));
        answers.put("GET scorecard CSV", outsider.get("/api/v1/assessments/" + id + "/scorecard.csv"));
        outsider.get("/admin");
        for (String action : List.of("notes", "rating", "overrides", "reveal")) {
            answers.put(
                    "POST " + action,
                    outsider.postForm(
                            "/admin/assessments/" + id + "/" + action,
                            Map.of(
                                    "text", "hello", "overall", "yes", "target", "x/y", "credit", "1", "reason",
                                    "other", "comment", "c"),
                            true));
        }
        answers.put(
                "PUT assignee (self)",
                outsider.sendJson("PUT", "/api/v1/assessments/" + id + "/assignees/" + TestApp.OUTSIDER, csrf));
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            int status = answer.getValue().statusCode();
            boolean refused = status == 404 || (status == 403 && answer.getKey().startsWith("PUT"));
            boolean held = refused && !answer.getValue().body().contains("Sam Scoped");
            TALLY.record(
                    "staff-scopes",
                    answer.getKey(),
                    held,
                    status + " " + cut(answer.getValue().body()));
        }
        TALLY.record(
                "staff-scopes",
                "dashboard omits it",
                !outsider.get("/admin").body().contains("Sam Scoped"),
                "dashboard");
        TALLY.record(
                "staff-scopes",
                "list API omits it",
                !outsider.getJson("/api/v1/assessments").body().contains("Sam Scoped"),
                "list");
        HttpResponse<String> statistics = outsider.getJson("/api/v1/labs/linux-web-outage/statistics");
        TALLY.record(
                "staff-scopes",
                "statistics are admin-only",
                statistics.statusCode() == 403,
                "" + statistics.statusCode());
        assertHeld("staff-scopes");
    }

    private static void assertHeld(String category) {
        assertThat(TALLY.count(category)).as("attempts in " + category).isPositive();
        List<String> failed = new ArrayList<>();
        for (Tally.Attempt attempt : TALLY.failed(category)) {
            failed.add(attempt.what() + " -> " + attempt.detail());
        }
        assertThat(failed).as(category + ": attempts the service did not hold").isEmpty();
    }

    private static String cut(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** The answer to a request whose connection the service closed: what the client saw, as a response. */
    private record CannedResponse(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
