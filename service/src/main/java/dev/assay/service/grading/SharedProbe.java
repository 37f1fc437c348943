package dev.assay.service.grading;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * One probe container for a whole grading run, started when the first check asks for it and removed when the
 * run ends: probe checks then cost an exec (about 80 ms here) instead of a container start each. Safe to share:
 * checks only read, the probe's root is read-only, and the lab cannot reach into it (it lacks CAP_SYS_PTRACE,
 * which the probe holds, so /proc/<probe pid> is closed to it).
 */
final class SharedProbe implements AutoCloseable {
    private final EnvironmentDriver driver;
    private final EnvironmentHandle handle;
    private final Duration lifetime;
    private EnvironmentDriver.@Nullable Probe probe;
    private boolean closed;

    SharedProbe(EnvironmentDriver driver, EnvironmentHandle handle, Duration lifetime) {
        this.driver = driver;
        this.handle = handle;
        this.lifetime = lifetime;
    }

    ExecResult exec(ExecRequest request) {
        return started().exec(request);
    }

    /** The running probe, started by the first check that asks. */
    synchronized EnvironmentDriver.Probe started() {
        if (closed) {
            throw new IllegalStateException("the grading run is over");
        }
        EnvironmentDriver.Probe running = probe;
        if (running == null) {
            running = driver.openProbe(handle, lifetime);
            probe = running;
        }
        return running;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (probe != null) {
            try {
                probe.close();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SharedProbe.class)
                        .warn("could not remove a probe after grading; the reaper will: {}", e.getMessage());
            }
            probe = null;
        }
    }
}
