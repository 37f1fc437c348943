package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.terminal.Terminals;
import dev.assay.service.web.Browser;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flaky link reconnects the lab terminal again and again: each connection's own process in the lab (the tmux
 * client) must end with it, while the shell in tmux and the candidate's background jobs live on. The figures are
 * read inside the lab: its attached tmux clients ({@code tmux list-clients}) and its processes (the entries
 * {@code /proc/[0-9]*}, counted by shell builtins alone, the counting shell itself left out).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Terminal reconnects leave no processes behind in the lab, and the shell and its jobs survive them")
class TerminalReconnectIT {
    private static final String LAB = "linux-web-outage";
    /** The storm's size; {@code -Dterminal.reconnects=30} makes a quicker run. */
    private static final int RECONNECTS = Integer.getInteger("terminal.reconnects", 200);

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final String COUNT_PROCESSES =
            "n=0; for p in /proc/[0-9]*; do [ \"$p\" = /proc/$$ ] || n=$((n+1)); done; echo $n";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    private static TestApp.Candidate candidate;
    private static String container;

    @BeforeAll
    static void startTheLab() throws Exception {
        APP.prepare();
        candidate = APP.acceptedCandidate("Carol Reconnect");
        HttpResponse<String> started =
                candidate.browser().postForm("/assessment/labs/" + LAB + "/start", Map.of(), true);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.ADMIN);
        container = JSON.readTree(staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions")
                        .body())
                .path(0)
                .path("environment")
                .path("externalId")
                .asText();
        assertThat(container).isNotBlank();
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    @Test
    @Order(1)
    @DisplayName("a background job outlives its connection closing with no successor, and a reconnect finds it")
    void backgroundJobSurvivesAReconnect() throws Exception {
        TerminalIT.Screen first = TerminalIT.Screen.open(candidate.browser());
        // The job's pid is read from a file in the lab, not from the screen: tmux may draw repeated digits with a
        // repeat sequence, and the typed line holds the same words as the output.
        first.type("sleep 1000 & echo $! > /tmp/assay-job.pid\r");
        awaitThat(
                () -> lab("cat /tmp/assay-job.pid 2>/dev/null || true").strip().matches("\\d+"), "the job started");
        String pid = lab("cat /tmp/assay-job.pid").strip();
        close(first);

        awaitThat(() -> clients() == 0, "the closed connection's tmux client ends");
        assertThat(lab("kill -0 " + pid + " && echo alive")).isEqualTo("alive");

        TerminalIT.Screen second = TerminalIT.Screen.open(candidate.browser());
        second.type("jobs; echo still-$((40+2))\r");
        second.await("still-42");
        assertThat(second.text.toString()).as("the same shell, its job listed").contains("sleep 1000");
        close(second);
        // typed before the shell printed anything: its client is found and ended all the same
        awaitThat(() -> clients() == 0, "the second connection's tmux client ends");
        assertThat(lab("kill -0 " + pid + " && echo alive")).isEqualTo("alive");
    }

    @Test
    @Order(2)
    @DisplayName("after a storm of reconnects the lab has one tmux client while open, none after, and no new processes")
    void reconnectStormLeavesNoProcesses() throws Exception {
        TerminalIT.Screen baseline = openAndAwaitOutput();
        int clientsBefore = settled(() -> clients() == 1);
        int before = processes(); // the lab's processes with one terminal attached
        close(baseline);

        long began = System.nanoTime();
        int completed = 0;
        String failure = "none";
        try {
            for (; completed < RECONNECTS; completed++) {
                close(openAndAwaitOutput());
            }
        } catch (Exception | AssertionError e) {
            failure = e.toString();
        }
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        TerminalIT.Screen last = openAndAwaitOutput();
        int clientsOpen = settled(() -> clients() == 1 && processes() == before);
        int processesOpen = processes();
        close(last);
        int clientsClosed = settled(() -> clients() == 0 && processes() == before - 1);
        int processesClosed = processes();
        System.out.printf(
                "reconnect storm: %d of %d reconnects in %d ms (failure: %s); before: %d tmux client(s), %d"
                        + " processes; one socket open after: %d client(s), %d processes; all closed: %d client(s),"
                        + " %d processes%n",
                completed,
                RECONNECTS,
                tookMs,
                failure,
                clientsBefore,
                before,
                clientsOpen,
                processesOpen,
                clientsClosed,
                processesClosed);

        assertThat(completed).as("reconnects that opened a shell").isEqualTo(RECONNECTS);
        assertThat(clientsBefore).as("tmux clients with the first socket open").isEqualTo(1);
        assertThat(clientsOpen)
                .as("tmux clients with one socket open after the storm")
                .isEqualTo(1);
        assertThat(processesOpen)
                .as("processes with one socket open, before and after")
                .isEqualTo(before);
        assertThat(clientsClosed).as("tmux clients with every socket closed").isZero();
        assertThat(processesClosed)
                .as("processes with every socket closed: the baseline less its one client")
                .isEqualTo(before - 1);
    }

    @Test
    @Order(3)
    @DisplayName("a connection detached by another attach (a tab on another replica) is told it was replaced")
    void detachedByAnotherAttachIsReplaced() throws Exception {
        TerminalIT.Screen screen = openAndAwaitOutput();
        awaitThat(() -> clients() == 1, "the connection is attached");
        lab("tmux detach-client -s assay"); // what another replica's attach (-D) does to this one
        assertThat(screen.closed.get(20, TimeUnit.SECONDS))
                .as("replaced, so the page does not reconnect and detach the other in turn")
                .startsWith("4002");
        awaitThat(() -> clients() == 0, "the detached client is gone");
    }

    @Test
    @Order(4)
    @DisplayName("the service stopping ends its connections' clients too (last: it stops this app's terminals)")
    void stoppingEndsTheClients() throws Exception {
        TerminalIT.Screen screen = openAndAwaitOutput();
        int attached = settled(() -> clients() == 1);
        Terminals terminals = EXT.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance)
                .map(managed -> ((JettyManaged) managed).getManaged())
                .filter(Terminals.class::isInstance)
                .map(Terminals.class::cast)
                .findFirst()
                .orElseThrow();
        terminals.stop();
        assertThat(screen.closed.get(20, TimeUnit.SECONDS)).startsWith("1001");
        awaitThat(() -> clients() == 0, "the stopped service's client is gone (" + attached + " before the stop)");
    }

    private static TerminalIT.Screen openAndAwaitOutput() throws Exception {
        TerminalIT.Screen screen = TerminalIT.Screen.open(candidate.browser());
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (screen.text.length() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(screen.text.length()).as("the shell's output arrives").isPositive();
        return screen;
    }

    private static void close(TerminalIT.Screen screen) throws Exception {
        screen.socket().sendClose(WebSocket.NORMAL_CLOSURE, "flaky link").join();
        screen.closed.get(10, TimeUnit.SECONDS);
        assertThat(screen.text.toString())
                .as("the process announcement never reaches the browser")
                .doesNotContain("]7717;");
    }

    /** Waits (up to {@link #SETTLE}) for the lab to settle as wanted; returns the tmux clients either way. */
    private static int settled(BooleanSupplier wanted) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        while (!wanted.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        return clients();
    }

    private static void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(condition.getAsBoolean())
                .as(what + " (tmux clients now: " + clients() + ")")
                .isTrue();
    }

    private static int clients() {
        return Integer.parseInt(lab("tmux list-clients 2>/dev/null | wc -l"));
    }

    private static int processes() {
        return Integer.parseInt(lab(COUNT_PROCESSES));
    }

    private static String lab(String script) {
        return DockerCli.run("exec", container, "sh", "-c", script);
    }
}
