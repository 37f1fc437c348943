package dev.assay.service.grading;

import dev.assay.grading.CommandResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabInterferenceException;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import dev.assay.service.catalog.LabParameters;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.ImageChanges;
import dev.assay.service.environment.KubernetesReads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A grader's view of one environment, over its driver, for one check: every command is bounded by the check's
 * deadline and by an output cap; engine trouble becomes {@link LabUnavailableException} (not gradable).
 */
final class DriverLabView implements LabView {
    /** Output kept per command; more is cut off and marked truncated. */
    static final int OUTPUT_CAP = 64 * 1024;
    /** The image sandboxes run: the workbench has the tools graders use (promtool and the like). */
    static final String SANDBOX_IMAGE = "assay/workbench:latest";

    private static final long LAB_FILE_CAP = 1 << 20;

    private final EnvironmentDriver driver;
    private final EnvironmentHandle handle;
    private final SharedProbe probe;
    private final Instant deadline;
    private final Clock clock;
    private final Path labDirectory;
    private final Map<String, String> values;

    DriverLabView(
            EnvironmentDriver driver,
            EnvironmentHandle handle,
            SharedProbe probe,
            Instant deadline,
            Clock clock,
            Path labDirectory) {
        this(driver, handle, probe, deadline, clock, labDirectory, Map.of());
    }

    /** {@code values}: the session's parameters, filled into the lab's own files as into a check's {@code with:}. */
    DriverLabView(
            EnvironmentDriver driver,
            EnvironmentHandle handle,
            SharedProbe probe,
            Instant deadline,
            Clock clock,
            Path labDirectory,
            Map<String, String> values) {
        this.labDirectory = labDirectory;
        this.values = Map.copyOf(values);
        this.driver = driver;
        this.handle = handle;
        this.probe = probe;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public CommandResult inLab(List<String> command, Duration timeout) {
        return result(call(() -> driver.exec(handle, request(command, timeout))));
    }

    /**
     * Runs {@code command} in the grading run's probe. The probe shares the lab's process namespace, so a lab that
     * kills it (as it starts, or later) makes the start or the exec fail while the lab runs on and the engine answers:
     * that is {@link LabInterferenceException} (a counted fail), not a check that drops out. Only when the lab itself
     * is gone or the engine cannot be asked is it unavailable.
     */
    @Override
    public CommandResult inProbe(List<String> command, Duration timeout) {
        ExecRequest request = request(command, timeout);
        try {
            return result(probe.started().exec(request));
        } catch (EnvironmentException e) {
            if (call(() -> driver.status(handle)) == EnvironmentStatus.RUNNING) {
                throw new LabInterferenceException(
                        "the probe stopped while the lab kept running (something in the lab killed it): "
                                + e.getMessage());
            }
            throw new LabUnavailableException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    @Override
    public CommandResult inSandbox(Map<String, byte[]> files, List<String> command, Duration timeout) {
        return result(call(() -> driver.sandbox(handle, SANDBOX_IMAGE, files, request(command, timeout))));
    }

    @Override
    public byte[] labFile(String relativePath) {
        Path file = labDirectory.resolve(relativePath).normalize();
        try {
            if (!file.startsWith(labDirectory.normalize())
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > LAB_FILE_CAP) {
                throw new IOException("not a regular file of at most 1 MiB inside " + labDirectory);
            }
            byte[] bytes = Files.readAllBytes(file);
            return values.isEmpty()
                    ? bytes
                    : LabParameters.fill(new String(bytes, StandardCharsets.UTF_8), values)
                            .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabUnavailableException(
                    "the lab's own file " + relativePath + " cannot be read (" + e.getMessage() + "); fix the lab", e);
        }
    }

    @Override
    public FileResult readFile(String path, long maxBytes) {
        return fileResult(path, call(() -> driver.readFile(handle, path, maxBytes)));
    }

    @Override
    public FileResult readTree(String path, long maxBytes) {
        return fileResult(path, call(() -> driver.readTree(handle, path, maxBytes)));
    }

    private static FileResult fileResult(String path, FileRead read) {
        if (read instanceof FileRead.Content content) {
            return new FileResult.Content(
                    content.bytes(),
                    content.size(),
                    content.truncated(),
                    content.sha256(),
                    content.mode(),
                    content.uid(),
                    content.owner());
        }
        if (read instanceof FileRead.Refused refused) {
            return new FileResult.Refused(refused.path(), refused.reason());
        }
        return new FileResult.Missing(path);
    }

    @Override
    public List<String> kubernetesObjects(String apiVersion, String kind, @Nullable String name) {
        if (driver instanceof KubernetesReads kubernetes) {
            return call(() -> kubernetes.kubernetesObjects(handle, apiVersion, kind, name));
        }
        throw noNamespace();
    }

    @Override
    public boolean kubernetesAllows(String subject, String verb, String apiGroup, String resource) {
        return kubernetesAllows(subject, verb, apiGroup, resource, null);
    }

    @Override
    public boolean kubernetesAllows(
            String subject, String verb, String apiGroup, String resource, @Nullable String name) {
        if (driver instanceof KubernetesReads kubernetes) {
            return call(() -> kubernetes.kubernetesAllows(handle, subject, verb, apiGroup, resource, name));
        }
        throw noNamespace();
    }

    @Override
    public java.util.Set<String> changedFromImage() {
        if (driver instanceof ImageChanges changes) {
            return call(() -> changes.changedFromImage(handle));
        }
        throw new LabUnavailableException(
                "this environment's engine keeps no record of changed files",
                new UnsupportedOperationException("changes from the image on " + driver.kind()));
    }

    /** The Docker driver has no Kubernetes namespace; the catalog refuses such checks in container labs. */
    private static LabUnavailableException noNamespace() {
        return new LabUnavailableException(
                "this lab runs in a container and has no Kubernetes namespace to read",
                new UnsupportedOperationException("kubernetes objects of a container lab"));
    }

    @Override
    public Duration timeLeft() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private ExecRequest request(List<String> command, Duration timeout) {
        Duration bounded = timeout.compareTo(timeLeft()) < 0 ? timeout : timeLeft();
        if (bounded.isZero()) {
            throw new LabUnavailableException(
                    "the check's time was used up before " + command.get(0) + " could run",
                    new IllegalStateException("deadline passed"));
        }
        return new ExecRequest(command, bounded, OUTPUT_CAP);
    }

    private static CommandResult result(ExecResult exec) {
        return new CommandResult(
                exec.exitCode(), exec.stdout(), exec.stderr(), exec.truncated(), exec.timedOut(), exec.took());
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (EnvironmentException e) {
            throw new LabUnavailableException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
