package dev.assay.service.environment;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Builds the environment drivers and the reaper that sweeps them (the {@code environments:} block of config.yml).
 * The drivers are closed with the application; the reaper runs at start-up and every {@code reaperInterval}.
 */
public class EnvironmentsFactory {
    @NotNull
    @JsonProperty
    private Duration reaperInterval = Duration.minutes(1);

    /** Names this installation on the engine; each only manages (and reaps) its own environments. */
    @NotNull
    @JsonProperty
    private String instance = "default";

    @NotNull
    @JsonProperty
    private Duration apiTimeout = Duration.seconds(30);

    /** The drivers, by kind; the reaper is started with the server. */
    public List<EnvironmentDriver> build(Environment environment, URI dockerHost, Reaper.LiveSessions sessions) {
        DockerEnvironmentDriver docker = new DockerEnvironmentDriver(
                dockerHost,
                instance,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(apiTimeout.toMilliseconds()),
                environment.getObjectMapper());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                docker.close();
            }
        });
        List<EnvironmentDriver> drivers = List.of(docker);
        environment
                .lifecycle()
                .manage(new ReaperTask(
                        new Reaper(drivers, sessions, Clock.systemUTC()),
                        java.time.Duration.ofMillis(reaperInterval.toMilliseconds())));
        return drivers;
    }
}
