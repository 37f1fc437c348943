package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.resources.CandidateResource;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every candidate endpoint, and the terminal's WebSocket, tried by another candidate and by nobody at all
 * against a lab only Alice started: each answers as if Alice's attempt did not exist, and Alice's attempt is
 * exactly as it was. A new endpoint on the candidate resource fails this test until it is added here.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A candidate reaches only their own assessment: every endpoint and the terminal, tried by others")
class CandidateAccessIT {
    private static final String LAB = "linux-web-outage";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The candidate routes this test covers, as "METHOD path" under /assessment. */
    private static final Set<String> COVERED = Set.of(
            "GET ",
            "POST labs/{labId}/start",
            "GET labs/{labId}",
            "POST labs/{labId}/check",
            "POST labs/{labId}/submit",
            "GET labs/{labId}/done");

    private static TestApp.Candidate alice;
    private static TestApp.Candidate bob;

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
        alice = APP.acceptedCandidate("Alice Owner");
        bob = APP.acceptedCandidate("Bob Other");
        assertThat(alice.browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    @Test
    void everyCandidateRouteIsCoveredHere() {
        Set<String> routes = new TreeSet<>();
        for (Method method : CandidateResource.class.getDeclaredMethods()) {
            String verb = method.isAnnotationPresent(GET.class)
                    ? "GET"
                    : method.isAnnotationPresent(POST.class) ? "POST" : "";
            if (!verb.isEmpty()) {
                jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
                routes.add(verb + " " + (path == null ? "" : path.value()));
            }
        }
        assertThat(routes).containsExactlyInAnyOrderElementsOf(COVERED);
    }

    /** Alice's attempt as staff see it: state, deadline and the number of events. */
    private static String aliceState() throws Exception {
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.ADMIN);
        JsonNode sessions = JSON.readTree(staff.getJson("/api/v1/assessments/" + alice.assessmentId() + "/sessions")
                .body());
        List<String> states = new ArrayList<>();
        sessions.forEach(s -> states.add(s.path("session").path("state").asText() + " "
                + s.path("session").path("deadlineAt").asText() + " "
                + s.path("events").size()));
        return String.join(",", states);
    }

    @Test
    void anotherCandidateFindsNothingOfAlicesAttempt() throws Exception {
        String before = aliceState();
        Browser other = bob.browser();
        other.get("/assessment");

        HttpResponse<String> page = other.get("/assessment/labs/" + LAB);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/assessment");
        assertThat(other.postJson("/assessment/labs/" + LAB + "/check", "", other.csrf())
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.get("/assessment/labs/" + LAB + "/done").statusCode()).isEqualTo(404);
        assertThat(other.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true)
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.get("/assessment").body()).doesNotContain("Alice").contains("Bob");
        assertRefused(other, 404);
        // staff routes with Alice's assessment id
        assertThat(other.getJson("/api/v1/assessments/" + alice.assessmentId() + "/sessions")
                        .statusCode())
                .isIn(401, 403);
        assertThat(other.getJson("/api/v1/assessments/" + alice.assessmentId() + "/scorecard")
                        .statusCode())
                .isIn(401, 403);
        assertThat(aliceState()).as("Alice's attempt is as it was").isEqualTo(before);

        // Bob starting the same lab gets an attempt of his own, and Alice's is untouched.
        assertThat(other.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(aliceState()).isEqualTo(before);
    }

    @Test
    void nobodyAtAllIsTurnedAway() throws Exception {
        String before = aliceState();
        Browser nobody = APP.browser();
        nobody.get("/login");
        assertThat(nobody.get("/assessment").statusCode()).isIn(303, 401, 403);
        assertThat(nobody.get("/assessment/labs/" + LAB).statusCode()).isIn(303, 401, 403);
        assertThat(nobody.get("/assessment/labs/" + LAB + "/done").statusCode()).isIn(303, 401, 403);
        for (String action : List.of("start", "check", "submit")) {
            assertThat(nobody.postForm("/assessment/labs/" + LAB + "/" + action, Map.of(), true)
                            .statusCode())
                    .as(action)
                    .isIn(303, 401, 403);
        }
        assertRefused(nobody, 404);
        assertThat(aliceState()).isEqualTo(before);
    }

    private static void assertRefused(Browser browser, int status) {
        assertThatThrownBy(() -> browser.webSocket("/terminal/" + LAB, browser.origin(), new WebSocket.Listener() {})
                        .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }
}
