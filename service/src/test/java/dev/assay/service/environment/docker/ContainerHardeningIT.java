package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every container the driver creates is hardened: checked from outside (inspect) and from inside (probes). */
@DisplayName("Lab containers are hardened")
class ContainerHardeningIT {
    static DockerEnvironmentDriver driver;
    static EnvironmentHandle lab;
    static InspectContainerResponse inspected;

    @BeforeAll
    static void provision() throws Exception {
        driver = DockerLabs.driver();
        EnvironmentRequest request = new EnvironmentRequest(
                "it-hard-" + UUID.randomUUID().toString().substring(0, 8),
                "hardening",
                "1",
                DockerLabs.image("assay/workbench:latest"),
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 32L << 20),
                List.of("NET_BIND_SERVICE", "CHOWN"),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1)));
        lab = driver.provision(request);
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        try (var client = DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(host)
                        .build(),
                new ZerodepDockerHttpClient.Builder()
                        .dockerHost(URI.create(host))
                        .build())) {
            inspected = client.inspectContainerCmd(lab.externalId()).exec();
        }
    }

    @AfterAll
    static void destroy() {
        driver.destroy(lab);
        driver.close();
    }

    private static ExecResult sh(String script) {
        return driver.exec(lab, ExecRequest.shell(script, Duration.ofSeconds(20)));
    }

    @Test
    @DisplayName(
            "inspect: unprivileged, CapDrop ALL plus only what was declared, limits, init, log cap, no host mounts, no network")
    void inspectedConfiguration() {
        HostConfig host = inspected.getHostConfig();
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).containsExactlyInAnyOrder(Capability.NET_BIND_SERVICE, Capability.CHOWN);
        assertThat(host.getMemory()).isEqualTo(256L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(256L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(128L);
        assertThat(host.getInit()).isTrue();
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "1m");
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getBinds()).isNullOrEmpty();
        assertThat(inspected.getMounts()).isNullOrEmpty();
        assertThat(host.getTmpFs()).containsKeys("/tmp", "/var/tmp");
        assertThat(host.getTmpFs().get("/tmp")).contains("size=" + (32L << 20), "nosuid", "nodev");
        assertThat(inspected.getConfig().getLabels())
                .containsEntry("assay.managed", "true")
                .containsKey("assay.expires-at");
    }

    @Test
    @DisplayName("inside: mount, mknod and raw sockets fail; only loopback, no route; the scratch space is capped")
    void probesInside() {
        assertThat(sh("id -u").stdout()).isEqualTo("0\n");
        assertThat(sh("mkdir -p /mnt/x && mount -t tmpfs none /mnt/x").exitCode())
                .isNotZero();
        assertThat(sh("mknod /root/null2 c 1 3").exitCode()).isNotZero();
        ExecResult raw =
                sh("python3 -c 'import socket; socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)'");
        assertThat(raw.exitCode()).isNotZero();
        assertThat(raw.stderr()).contains("Operation not permitted");
        assertThat(sh("ls /sys/class/net").stdout().trim()).isEqualTo("lo");
        assertThat(sh("curl -s -m 2 http://1.1.1.1/ || echo unreachable").stdout())
                .contains("unreachable");
        ExecResult fill = sh("dd if=/dev/zero of=/tmp/fill bs=1M count=64 2>&1; du -m /tmp/fill | cut -f1");
        assertThat(fill.stdout()).contains("No space left on device");
        assertThat(Integer.parseInt(
                        fill.stdout().lines().reduce((a, b) -> b).orElse("0").trim()))
                .isLessThanOrEqualTo(32);
        assertThat(sh("grep NoNewPrivs /proc/self/status").stdout()).contains("1");
    }
}
