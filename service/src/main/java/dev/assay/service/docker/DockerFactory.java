package dev.assay.service.docker;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    public DockerEngine build(Environment environment) {
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .connectionTimeout(java.time.Duration.ofMillis(connectTimeout.toMilliseconds()))
                .responseTimeout(java.time.Duration.ofMillis(responseTimeout.toMilliseconds()))
                .maxConnections(16)
                .build();
        DockerEngine engine = new DockerEngine(host, http, environment.getObjectMapper());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                http.close();
            }
        });
        environment.healthChecks().register("docker", new DockerHealthCheck(engine));
        return engine;
    }
}
