package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kubernetes lab session whose workbench is a pod on the cluster (an Assay deployed on Kubernetes): kubectl
 * works with the candidate's token, the workbench's own namespace is out of their reach, and on the test cluster
 * a pod reaches the API server and nothing else (cluster.sh's fence on the pod bridge).
 */
@DisplayName("A Kubernetes lab session with a pod workbench")
class PodWorkbenchSessionIT {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static KubernetesEnvironmentDriver driver;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static EnvironmentHandle session;

    @BeforeAll
    static void provision() {
        driver = KubeDrivers.podDriver(CLUSTER);
        session = driver.provision(KubernetesSessionIT.request(
                List.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {greeting: hello}\n"),
                List.of()));
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

    static ExecResult sh(String script) {
        return driver.exec(session, ExecRequest.shell(script, Duration.ofSeconds(60)));
    }

    @Test
    @DisplayName("kubectl in the pod works in the session's namespace with the candidate's token")
    void kubectlWorks() {
        ExecResult result = sh("kubectl get configmap settings -o jsonpath='{.data.greeting}'");
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("hello");
        assertThat(sh("kubectl auth whoami 2>/dev/null || kubectl auth can-i create deployments")
                        .stdout())
                .contains("yes");
        assertThat(sh("id -u").stdout().trim()).isEqualTo("1000");
    }

    @Test
    @DisplayName("the workbench's own namespace is out of the candidate's reach: no exec into the probe, no delete")
    void benchOutOfReach() {
        String bench = PodSpecs.namespace(KubeDrivers.INSTANCE + "-pods", session.sessionId());
        for (String command : List.of(
                "kubectl -n " + bench + " get pods",
                "kubectl -n " + bench + " exec workbench -c probe -- id",
                "kubectl -n " + bench + " delete pod workbench",
                "kubectl -n " + bench + " get secret candidate-kubeconfig")) {
            ExecResult result = sh(command);
            assertThat(result.exitCode()).as(command).isNotZero();
            assertThat(result.stderr()).as(command).contains("Forbidden");
        }
    }

    @Test
    @DisplayName("files the candidate writes, even mode 0600, are read by our probe; links are not followed")
    void filesReadByTheProbe() {
        sh("printf secret > /root/notes.md && chmod 600 /root/notes.md && ln -s /etc/passwd /root/link");
        assertThat(driver.readFile(session, "/root/notes.md", 1024))
                .isInstanceOfSatisfying(
                        FileRead.Content.class, c -> assertThat(c.text()).isEqualTo("secret"));
        assertThat(driver.readFile(session, "/root/link", 1024)).isInstanceOf(FileRead.Refused.class);
        assertThat(driver.readFile(session, "/etc/passwd", 1024))
                .isInstanceOfSatisfying(
                        FileRead.Refused.class, r -> assertThat(r.reason()).contains("under /root"));
    }

    @Test
    @DisplayName("the pod reaches the API server and nothing else: not the host's ports, not other networks")
    void networkFence() throws IOException {
        ExecResult api = sh("kubectl get --raw /readyz");
        assertThat(api.stdout()).as(api.stderr()).isEqualTo("ok");
        java.net.URI server =
                java.net.URI.create(sh("kubectl config view --minify -o" + " jsonpath='{.clusters[0].cluster.server}'")
                        .stdout()
                        .trim());
        assertThat(connects(server.getHost(), server.getPort()))
                .as("the API server, as kubectl reaches it")
                .isTrue();
        try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            String gateway = sh("ip route 2>/dev/null | awk '/default/ {print $3}'; true")
                    .stdout()
                    .trim();
            String target = gateway.isEmpty() ? "10.244.0.1" : gateway;
            assertThat(connects(target, host.getLocalPort()))
                    .as("the host's port via the gateway")
                    .isFalse();
            assertThat(connects("172.17.0.1", host.getLocalPort()))
                    .as("the host's docker0 address")
                    .isFalse();
            assertThat(connects(target, 10250)).as("kubelet").isFalse();
        }
    }

    /** Whether bash in the workbench pod opens a TCP connection within 3 s. */
    private static boolean connects(String host, int port) {
        ExecResult result = sh("timeout 3 bash -c 'exec 3<>/dev/tcp/" + host + "/" + port + "' 2>/dev/null && echo open"
                + " || echo closed");
        return result.stdout().trim().equals("open");
    }
}
