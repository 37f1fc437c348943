package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lab terminal end to end on the real engine: the page, the WebSocket into a TTY in the lab, a reconnect
 * that finds the same shell, progress checks, submit closing the terminal, and the recording it leaves.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A candidate works in the lab terminal; only they reach it, and it is recorded")
class TerminalIT {
    private static final String LAB = "linux-web-outage";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApp.Candidate alice;
    private static TestApp.Candidate bob;

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
        alice = APP.acceptedCandidate("Alice Example");
        bob = APP.acceptedCandidate("Bob Example");
        HttpResponse<String> started = alice.browser().postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/assessment/labs/" + LAB);
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    /** A terminal client: collects what the lab prints, sends keystrokes as the page does. */
    @SuppressWarnings("NullAway") // java.net.http's Listener may return null for "done now"
    static final class Screen implements WebSocket.Listener {
        final StringBuffer text = new StringBuffer();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();

        static Screen open(Browser browser) throws Exception {
            Screen screen = new Screen();
            try {
                browser.webSocket("/terminal/" + LAB + "?cols=100&rows=30", browser.origin(), screen)
                        .get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    throw new AssertionError(
                            "the terminal refused: HTTP "
                                    + refused.getResponse().statusCode() + " "
                                    + refused.getResponse().body(),
                            e);
                }
                throw e;
            }
            return screen;
        }

        WebSocket socket() {
            return opened.join();
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            opened.complete(webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        void type(String keys) {
            socket().sendText(JSON.createObjectNode().put("i", keys).toString(), true)
                    .join();
        }

        void await(String wanted) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!text.toString().contains(wanted) && System.nanoTime() < until) {
                Thread.sleep(25);
            }
            assertThat(text.toString())
                    .as("the terminal shows " + wanted + " in:\n" + text)
                    .contains(wanted);
        }
    }

    @Test
    @Order(1)
    void theLabPageShowsInstructionsClockTerminalAndOnlyVisibleChecks() {
        HttpResponse<String> page = alice.browser().get("/assessment/labs/" + LAB);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Time left", "data-ends-by=\"time\"", "id=\"terminal\"", "/webjars/xterm/4.9.0/lib/xterm.js")
                .contains(
                        "The configuration as written serves the shop on its port",
                        "nginx itself answers with the shop")
                .doesNotContain("nginx, the image&#39;s own, listens on the shop&#39;s port") // hidden
                .doesNotContain("nginx -t passes inside the lab"); // interviewer only
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(alice.browser().get("/webjars/xterm/4.9.0/lib/xterm.js").statusCode())
                .isEqualTo(200);
        assertThat(alice.browser().get("/assets/lab.js").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void keystrokesReachTheShellAndAReconnectFindsTheSameOne() throws Exception {
        Screen first = Screen.open(alice.browser());
        first.type("export MARK=$((6*7)); echo mark-$MARK\r");
        first.await("mark-42");
        first.socket().sendText("{\"r\": [120, 40]}", true).join();
        // tmux applies a resize a moment after the terminal's: ask until it has
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!first.text.toString().contains("40 120") && System.nanoTime() < until) {
            first.type("stty size\r");
            Thread.sleep(300);
        }
        first.await("40 120");
        first.socket().sendClose(WebSocket.NORMAL_CLOSURE, "network blip").join();
        first.closed.get(10, TimeUnit.SECONDS);

        Screen second = Screen.open(alice.browser());
        second.type("echo again-$MARK\r");
        second.await("again-42");
        second.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    @Order(3)
    void nobodyElseReachesTheTerminal() throws Exception {
        assertRefused(bob.browser(), bob.browser().origin(), 404); // Bob has not started this lab
        assertRefused(APP.browser(), APP.browser().origin(), 404); // no candidate session at all
        assertRefused(alice.browser(), "http://evil.example", 403); // another site's page, Alice's cookies
        assertRefused(alice.browser(), "", 403); // no Origin
        HttpResponse<String> started = bob.browser().postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        assertThat(started.statusCode()).isEqualTo(303);
        Screen bobs = Screen.open(bob.browser());
        bobs.type("echo bob-${MARK:-unset}\r");
        bobs.await("bob-unset");
        bobs.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private static void assertRefused(Browser browser, String origin, int status) {
        assertThatThrownBy(() -> browser.webSocket("/terminal/" + LAB, origin, new WebSocket.Listener() {})
                        .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
    }

    @Test
    @Order(4)
    void progressChecksRunTheVisibleChecksAtMostOncePerInterval() throws Exception {
        HttpResponse<String> checked = alice.browser()
                .postJson(
                        "/assessment/labs/" + LAB + "/check",
                        "",
                        alice.browser().csrf());
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(checked.body());
        List<String> ids = new ArrayList<>();
        body.path("checks").forEach(check -> ids.add(check.path("id").asText()));
        assertThat(ids).containsExactly("config-serves-80", "serves-shop");
        assertThat(checked.body()).doesNotContain("nginx-listens", "nginx-test-in-lab");
        HttpResponse<String> again = alice.browser()
                .postJson(
                        "/assessment/labs/" + LAB + "/check",
                        "",
                        alice.browser().csrf());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(5)
    void submittingClosesTheTerminalAndLeavesAValidRecording() throws Exception {
        Screen screen = Screen.open(alice.browser());
        screen.type("echo last-$((1+1))-words\r");
        screen.await("last-2-words");
        Thread.sleep(1500); // one recorder flush
        HttpResponse<String> submitted =
                alice.browser().postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true);
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(submitted.headers().firstValue("Location").orElseThrow())
                .endsWith("/assessment/labs/" + LAB + "/done");
        assertThat(screen.closed.get(20, TimeUnit.SECONDS)).startsWith("4000");
        HttpResponse<String> done = alice.browser().get("/assessment/labs/" + LAB + "/done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You handed the lab in.");
        assertRefused(alice.browser(), alice.browser().origin(), 404); // the lab is over

        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.INTERVIEWER);
        long session = JSON.readTree(staff.getJson("/api/v1/assessments/" + alice.assessmentId() + "/sessions")
                        .body())
                .path(0)
                .path("session")
                .path("id")
                .asLong();
        HttpResponse<String> cast =
                staff.get("/api/v1/assessments/" + alice.assessmentId() + "/sessions/" + session + "/recording");
        assertThat(cast.statusCode()).isEqualTo(200);
        Asciicast.assertValid(cast.body());
        String output = Asciicast.output(cast.body());
        assertThat(output).contains("mark-42", "again-42", "last-2-words").doesNotContain("bob-unset");
        assertThat(Asciicast.input(cast.body())).contains("echo mark-$MARK", "echo last-$((1+1))-words");
        assertThat(alice.browser()
                        .get("/api/v1/assessments/" + alice.assessmentId() + "/sessions/" + session + "/recording")
                        .statusCode())
                .as("candidates never read recordings")
                .isIn(401, 403, 404);
    }
}
