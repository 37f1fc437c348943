package dev.assay.service.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        try (FakeEngine engine = FakeEngine.hanging()) {
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
        try (FakeEngine engine =
                FakeEngine.answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")) {
            HealthCheck.Result result = new DockerHealthCheck(
                            DockerFactory.engine(engine.uri(), SHORT, SHORT, new ObjectMapper()))
                    .execute();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).contains("HTTP 500");
        }
    }

    /** A loopback TCP server that either never answers or answers every request with one canned response. */
    private static final class FakeEngine implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new ArrayList<>();

        private FakeEngine(String response) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> serve(response), "fake-docker");
            thread.setDaemon(true);
            thread.start();
        }

        static FakeEngine hanging() throws IOException {
            return new FakeEngine("");
        }

        static FakeEngine answering(String response) throws IOException {
            return new FakeEngine(response);
        }

        URI uri() {
            return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
        }

        private void serve(String response) {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    synchronized (accepted) {
                        accepted.add(socket);
                    }
                    if (!response.isEmpty()) {
                        InputStream in = socket.getInputStream();
                        in.read(new byte[8192]);
                        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (accepted) {
                for (Socket socket : accepted) {
                    socket.close();
                }
            }
        }
    }
}
