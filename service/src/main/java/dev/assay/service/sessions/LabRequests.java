package dev.assay.service.sessions;

import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabParameters;
import dev.assay.service.environment.EnvironmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        return of(lab, environmentSession, expiresAt, lab.parameters().defaults());
    }

    /**
     * As above, for a session with these parameter values: each setup script starts with them as shell variables
     * {@code ASSAY_P_<NAME>} of its own shell, not exported, so that no daemon a setup step starts inherits them and
     * nothing of them stays in the lab once setup has finished. The Kubernetes objects get them as {@code {{name}}}
     * (a lab with parameters only; a {@code {{...}}} that names no parameter, such as a Go template's, stays as written).
     */
    public static EnvironmentRequest of(
            Lab lab, String environmentSession, Instant expiresAt, Map<String, String> values) {
        Lab.Environment environment = lab.environment();
        Lab.Resources resources = environment.resources();
        String prologue = lab.parameters().shellPrologue(values);
        List<EnvironmentRequest.SetupCommand> setup = environment.setup().stream()
                .map(step -> new EnvironmentRequest.SetupCommand(step.name(), prologue + script(step), step.timeout()))
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
                                .map(file -> lab.parameters().isEmpty()
                                        ? read(file)
                                        : LabParameters.fill(read(file), values))
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
