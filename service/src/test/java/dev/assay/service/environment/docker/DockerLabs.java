package dev.assay.service.environment.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The real Docker engine and the lab images for integration tests; a missing image fails with what to run. */
final class DockerLabs {
    private DockerLabs() {}

    /** The label value integration tests run under: a developer's own Assay labs ("default") stay untouched. */
    static final String INSTANCE = "integration-tests";

    static DockerEnvironmentDriver driver() {
        return driver(INSTANCE);
    }

    static DockerEnvironmentDriver driver(String instance) {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        return new DockerEnvironmentDriver(
                URI.create(host), instance, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
    }

    static String image(String name) {
        try {
            Process inspect = new ProcessBuilder("docker", "image", "inspect", name)
                    .redirectErrorStream(true)
                    .start();
            inspect.getInputStream().readAllBytes();
            if (inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0) {
                return name;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the docker CLI: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("image " + name + " is not on the Docker engine: run './assay images build'"
                + " (./assay test does it)");
    }
}
