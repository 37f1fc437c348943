package dev.assay.service.sessions;

import dev.assay.service.catalog.Lab;
import dev.assay.service.environment.EnvironmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/** Turns a lab's {@code environment:} block into a provisioning request for one session. */
public final class LabRequests {
    private LabRequests() {}

    /**
     * The image a lab runs: its {@code image} ({@code :latest} when untagged), or for a lab with its own
     * Dockerfile {@code assay/lab-<id>:latest}, which {@code ./assay images build} makes.
     */
    public static String image(Lab lab) {
        String image = lab.environment().image();
        if (image == null) {
            return "assay/lab-" + lab.id() + ":latest";
        }
        return image.substring(image.lastIndexOf('/') + 1).contains(":") ? image : image + ":latest";
    }

    /**
     * Setup scripts run with {@code sh -c}; a step's file, and the lab's Kubernetes objects, are read when the
     * request is made.
     */
    public static EnvironmentRequest of(Lab lab, String environmentSession, Instant expiresAt) {
        Lab.Environment environment = lab.environment();
        Lab.Resources resources = environment.resources();
        List<EnvironmentRequest.SetupCommand> setup = environment.setup().stream()
                .map(step -> new EnvironmentRequest.SetupCommand(step.name(), script(step), step.timeout()))
                .toList();
        return new EnvironmentRequest(
                environmentSession,
                lab.id(),
                lab.version(),
                image(lab),
                new EnvironmentRequest.Limits(
                        resources.cpus(), resources.memoryBytes(), resources.pids(), resources.diskBytes()),
                environment.capabilities(),
                environment.network(),
                setup,
                expiresAt,
                new EnvironmentRequest.Kubernetes(
                        environment.kubernetesObjects().stream()
                                .map(LabRequests::read)
                                .toList(),
                        environment.kubernetesGrants()));
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kubernetes objects " + file + ": " + e.getMessage(), e);
        }
    }

    private static String script(Lab.SetupStep step) {
        if (step.run() != null) {
            return step.run();
        }
        try {
            return Files.readString(java.util.Objects.requireNonNull(step.script()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read setup script " + step.script() + ": " + e.getMessage(), e);
        }
    }
}
