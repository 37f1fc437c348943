package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server keeps the time: a 20-second lab is handed in and graded at its deadline; an extended one is not. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A lab with a 20-second limit is handed in and graded at its deadline, whatever the browser does")
class DeadlineIT {
    private static final String LAB = "linux-web-outage";
    private static final Path LABS = LabPackCopy.with(LAB, "timeLimit: 20m", "timeLimit: 20s");
    static final TestApp APP = TestApp.create(LABS.toString());
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The lab pack with the lab's time limit changed, in a folder of this test's own. */
    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        APP.removeEnvironments();
        LabPackCopy.delete(LABS);
    }

    private static JsonNode session(TestApp.Candidate candidate) throws IOException {
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.ADMIN);
        return JSON.readTree(staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions")
                        .body())
                .path(0);
    }

    /** What the admin task says to {@code ./assay extend <session> <minutes>}. */
    private static String extend(long sessionId, int minutes) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(APP.admin()
                                        .resolve("/tasks/extend?session=" + sessionId + "&minutes=" + minutes))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void theDeadlineHandsTheLabInAndAnExtensionHoldsItBack() throws Exception {
        TestApp.Candidate late = APP.acceptedCandidate("Lee Late");
        TestApp.Candidate extended = APP.acceptedCandidate("Ezra Extended");
        assertThat(late.browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(extended.browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        JsonNode lateSession = session(late).path("session");
        JsonNode at = lateSession.path("deadlineAt");
        Instant deadline = at.isNumber()
                ? Instant.ofEpochMilli(Math.round(at.asDouble() * 1000)) // Jackson writes Instants as seconds
                : Instant.parse(at.asText());
        assertThat(Duration.between(Instant.now(), deadline)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(21));

        long extendedId = session(extended).path("session").path("id").asLong();
        assertThat(extend(extendedId, 5)).contains("has 5 more minutes");

        CompletableFuture<String> closed = new CompletableFuture<>();
        late.browser()
                .webSocket("/terminal/" + LAB, late.browser().origin(), new WebSocket.Listener() {
                    @SuppressWarnings("NullAway") // null: the close is handled now
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + " " + reason);
                        return null;
                    }
                })
                .get(20, TimeUnit.SECONDS);

        // Nobody submits: the server's clock does.
        assertThat(closed.get(40, TimeUnit.SECONDS)).isEqualTo("4000 Time is up: the lab was handed in.");
        Instant closedAt = Instant.now();
        assertThat(Duration.between(deadline, closedAt))
                .as("handed in within 3 s of the deadline")
                .isBetween(Duration.ZERO, Duration.ofSeconds(3));
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"graded".equals(session(late).path("session").path("state").asText()) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        JsonNode graded = session(late);
        assertThat(graded.path("session").path("state").asText()).isEqualTo("graded");
        assertThat(graded.path("events").toString()).contains("the time limit was reached");
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.INTERVIEWER);
        HttpResponse<String> result = staff.getJson("/api/v1/assessments/" + late.assessmentId() + "/sessions/"
                + graded.path("session").path("id").asLong() + "/result");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(result.body()).path("tests").size()).isEqualTo(4);
        HttpResponse<String> done = late.browser().get("/assessment/labs/" + LAB + "/done");
        assertThat(done.body()).contains("The time limit was reached");

        JsonNode stillRunning = session(extended);
        assertThat(stillRunning.path("session").path("state").asText()).isEqualTo("active");
        assertThat(stillRunning.path("events").toString()).contains("deadline extended by 5 min");
    }
}
