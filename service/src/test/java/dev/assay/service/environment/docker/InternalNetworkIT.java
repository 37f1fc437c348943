package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.DockerCli;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("network: internal gives the session a network of its own with no way out, removed with the lab")
class InternalNetworkIT {

    private static boolean networkExists(String name) {
        return !DockerCli.attempt("network", "inspect", name).startsWith(DockerCli.FAILED);
    }

    @Test
    void internalNetworkLifecycle() throws Exception {
        String session = "it-net-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerEnvironmentDriver driver = DockerLabs.driver()) {
            EnvironmentHandle lab = driver.provision(new EnvironmentRequest(
                    session,
                    "internal-net",
                    "1",
                    DockerLabs.image("assay/workbench:latest"),
                    new EnvironmentRequest.Limits(0.25, 128L << 20, 64, 8L << 20),
                    List.of(),
                    "internal",
                    List.of(),
                    Instant.now().plus(Duration.ofHours(1))));
            String network = ContainerSpecs.networkName(DockerLabs.INSTANCE, session);
            try {
                assertThat(networkExists(network)).isTrue();
                // no packet is sent out to prove it: Docker marks the network internal (no NAT, isolated)
                assertThat(DockerCli.run("network", "inspect", "-f", "{{.Internal}}", network))
                        .isEqualTo("true");
                String interfaces = driver.exec(lab, ExecRequest.shell("ls /sys/class/net", Duration.ofSeconds(10)))
                        .stdout();
                assertThat(interfaces).contains("eth0", "lo");
            } finally {
                driver.destroy(lab);
            }
            assertThat(networkExists(network)).isFalse();
            driver.destroy(lab);
        }
    }

    @Test
    @DisplayName("a container that cannot be created takes its new network with it")
    void failedCreateLeavesNoNetwork() {
        String session = "it-net-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerEnvironmentDriver driver = DockerLabs.driver()) {
            assertThatThrownBy(() -> driver.provision(new EnvironmentRequest(
                            session,
                            "internal-net",
                            "1",
                            "assay/no-such-image:absent",
                            new EnvironmentRequest.Limits(0.25, 128L << 20, 64, 8L << 20),
                            List.of(),
                            "internal",
                            List.of(),
                            Instant.now().plus(Duration.ofHours(1)))))
                    .isInstanceOf(EnvironmentException.class);
            assertThat(networkExists(ContainerSpecs.networkName(DockerLabs.INSTANCE, session)))
                    .isFalse();
        }
    }
}
