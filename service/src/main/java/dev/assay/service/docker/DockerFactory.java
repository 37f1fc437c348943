package dev.assay.service.docker;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * Builds the client for the local Docker engine and registers its health check. Building never touches
 * the engine: a service started while Docker is down comes up, reports the engine unhealthy, and recovers
 * when the engine does.
 */
public class DockerFactory {

    @NotNull
    @JsonProperty
    private URI host = URI.create("unix:///var/run/docker.sock");

    @NotNull
    @JsonProperty
    private Duration connectTimeout = Duration.seconds(2);

    @NotNull
    @JsonProperty
    private Duration responseTimeout = Duration.seconds(5);

    public URI getHost() {
        return host;
    }

    /** Builds the engine client, closes it with the application, and registers the "docker" health check. */
    public DockerEngine build(Environment environment) {
        DockerEngine engine =
                engine(host, toJava(connectTimeout), toJava(responseTimeout), environment.getObjectMapper());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                engine.close();
            }
        });
        environment.healthChecks().register("docker", new DockerHealthCheck(engine));
        return engine;
    }

    /** A client for the engine at {@code host}; nothing is contacted until the first call. */
    public static DockerEngine engine(
            URI host, java.time.Duration connectTimeout, java.time.Duration responseTimeout, ObjectMapper json) {
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .maxConnections(16)
                .build();
        return new DockerEngine(host, http, json);
    }

    private static java.time.Duration toJava(Duration duration) {
        return java.time.Duration.ofMillis(duration.toMilliseconds());
    }
}
