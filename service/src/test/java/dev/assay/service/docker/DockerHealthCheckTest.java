package dev.assay.service.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection: an engine that is absent, that hangs, or that answers 500. The real engine is in RoutesIT. */
@DisplayName("The Docker health check reports an unusable engine as unhealthy, within its deadline, without throwing")
class DockerHealthCheckTest {
    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void absentSocketIsUnhealthy(@TempDir Path dir) {
        URI host = URI.create("unix://" + dir.resolve("no-such-docker.sock"));
        HealthCheck.Result result =
                new DockerHealthCheck(DockerFactory.engine(host, SHORT, SHORT, new ObjectMapper())).execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains("Docker engine at " + host + " is not available", "DOCKER_HOST");
    }

    @Test
    void hangingEngineIsUnhealthyWithinTheDeadline() throws IOException {
        try (FakeDockerEngine engine = FakeDockerEngine.hanging()) {
            long started = System.nanoTime();
            HealthCheck.Result result = new DockerHealthCheck(
                            DockerFactory.engine(engine.uri(), SHORT, SHORT, new ObjectMapper()))
                    .execute();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result.isHealthy()).isFalse();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void engineAnswering500IsUnhealthy() throws IOException {
        try (FakeDockerEngine engine =
                FakeDockerEngine.answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")) {
            HealthCheck.Result result = new DockerHealthCheck(
                            DockerFactory.engine(engine.uri(), SHORT, SHORT, new ObjectMapper()))
                    .execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("HTTP 500");
        }
    }
}
