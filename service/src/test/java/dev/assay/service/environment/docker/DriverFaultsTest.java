package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.docker.FakeDockerEngine;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection: engines that are absent, hang, or fail. Provisioning says so within 2 s and creates nothing. */
@DisplayName("An unusable engine makes provisioning fail as unavailable within 2 s")
class DriverFaultsTest {
    private static final EnvironmentRequest REQUEST = new EnvironmentRequest(
            "fault-1",
            "lab",
            "1",
            "assay/base:latest",
            new EnvironmentRequest.Limits(1, 64L << 20, 32, 8L << 20),
            List.of(),
            "none",
            List.of(),
            Instant.now().plusSeconds(600));

    private static void assertUnavailableQuickly(URI host) {
        try (DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                host, "faults", Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper())) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> driver.provision(REQUEST))
                    .isInstanceOf(EnvironmentException.EngineUnavailable.class)
                    .hasMessageContaining(host.toString());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void absentSocket(@TempDir Path dir) {
        assertUnavailableQuickly(URI.create("unix://" + dir.resolve("docker.sock")));
    }

    @Test
    void hangingEngine() throws Exception {
        try (FakeDockerEngine engine = FakeDockerEngine.hanging()) {
            assertUnavailableQuickly(engine.uri());
        }
    }

    @Test
    void failingEngine() throws Exception {
        try (FakeDockerEngine engine =
                FakeDockerEngine.answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")) {
            assertUnavailableQuickly(engine.uri());
        }
    }
}
