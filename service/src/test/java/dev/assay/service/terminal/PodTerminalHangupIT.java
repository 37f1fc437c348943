package dev.assay.service.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.Terminal;
import dev.assay.service.environment.kubernetes.KubeCluster;
import dev.assay.service.environment.kubernetes.KubeDrivers;
import dev.assay.service.environment.kubernetes.KubernetesEnvironmentDriver;
import dev.assay.service.terminal.ProcessAnnouncement.LabProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The terminal's process on Kubernetes, where the exec goes through the API server (a pod workbench): closing
 * the connection leaves the tmux client running, as on Docker, and the announced hangup through the driver's
 * exec ends it while the tmux session and its shell live on.
 */
@DisplayName("A pod workbench's terminal process ends with its hangup, not with its connection")
class PodTerminalHangupIT {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static KubernetesEnvironmentDriver driver;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static EnvironmentHandle session;

    @BeforeAll
    static void provision() {
        driver = KubeDrivers.podDriver(CLUSTER);
        session = driver.provision(new EnvironmentRequest(
                "k8s-" + UUID.randomUUID().toString().substring(0, 12),
                "kube-lab",
                "1",
                "assay/kubebench:latest",
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 16L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1)),
                new EnvironmentRequest.Kubernetes(List.of(), List.of())));
    }

    @AfterAll
    static void cleanUp() {
        if (driver != null) {
            if (session != null) {
                driver.destroy(session);
            }
            driver.close();
        }
    }

    @Test
    void closedConnectionLeavesItsClientUntilTheHangup() throws Exception {
        ProcessAnnouncement announcement = new ProcessAnnouncement();
        StringBuffer screen = new StringBuffer();
        Terminal terminal = driver.openTerminal(
                session, new Terminal.Request(TerminalSocket.SHELL, 80, 24), new Terminal.Listener() {
                    @Override
                    public void output(byte[] bytes) {
                        screen.append(new String(announcement.strip(bytes), StandardCharsets.UTF_8));
                    }

                    @Override
                    public void closed(String why) {}
                });
        Optional<LabProcess> announced = announcement.announced().get(30, TimeUnit.SECONDS);
        assertThat(announced).as("the wrapper announces its process first").isPresent();
        LabProcess process = announced.get();
        await(() -> clients() == 1, "the connection's tmux client attaches");
        assertThat(screen.toString()).doesNotContain("]7717;");

        terminal.close();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        boolean outlived = true;
        while (outlived && System.nanoTime() < until) {
            outlived = alive(process.pid());
            Thread.sleep(200);
        }
        System.out.printf(
                "pod terminal: 3 s after the connection closed the tmux client %s%n",
                outlived ? "still runs (the API server does not end it)" : "was gone");

        assertThat(driver.exec(session, ExecRequest.shell(Hangups.script(process), Duration.ofSeconds(10)))
                        .succeeded())
                .isTrue();
        await(() -> !alive(process.pid()) && clients() == 0, "the hung-up client ends");
        assertThat(sh("tmux list-sessions -F '#{session_name}'"))
                .as("the session and its shell live on")
                .isEqualTo("assay");
    }

    private static boolean alive(String pid) {
        return sh("[ -d /proc/" + pid + " ] && echo yes || echo no").equals("yes");
    }

    private static int clients() {
        return Integer.parseInt(sh("tmux list-clients 2>/dev/null | wc -l"));
    }

    private static String sh(String script) {
        return driver.exec(session, ExecRequest.shell(script, Duration.ofSeconds(30)))
                .stdout()
                .trim();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
