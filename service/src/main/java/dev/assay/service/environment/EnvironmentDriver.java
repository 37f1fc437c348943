package dev.assay.service.environment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates, uses and removes disposable lab environments. One implementation per {@code environment.kind}
 * (container: the Docker engine; kubernetes: a namespace per session). The platform around it owns sessions,
 * audit and retries; a driver only does infrastructure.
 *
 * <p>Contract, for every implementation (the shared contract test suite checks it):
 *
 * <ul>
 *   <li>Every call has a deadline and returns or throws within it; an unreachable engine is
 *       {@link EnvironmentException.EngineUnavailable}, never a hang.
 *   <li>{@link #provision} is idempotent per session id: a second call returns the environment the first made
 *       (re-attaching after a restart). It runs the lab's setup before returning, and on any failure removes
 *       what it created, so no half-made environment is left behind.
 *   <li>{@link #destroy} is idempotent: destroying a gone environment succeeds.
 *   <li>Everything created carries the labels {@link #listManaged} finds it by, including the expiry; nothing
 *       unlabelled is ever touched.
 *   <li>Reads of candidate files never follow links, never read special files and never read more than asked.
 * </ul>
 */
public interface EnvironmentDriver extends AutoCloseable {

    /** The {@code environment.kind} this driver serves. */
    String kind();

    /** Creates (or finds) the session's environment and runs the lab's setup in it. */
    EnvironmentHandle provision(EnvironmentRequest request);

    /** Runs a command inside the environment (advisory: the candidate controls what runs there). */
    ExecResult exec(EnvironmentHandle handle, ExecRequest request);

    /**
     * Runs a command in a short-lived probe of ours (our own tools and file system) that shares the environment's network
     * and process namespaces but not its file system: what it reports cannot be faked from inside the lab
     * through libraries, binaries or preloads. The probe is removed at its deadline.
     */
    default ExecResult probe(EnvironmentHandle handle, ExecRequest request) {
        try (Probe probe = openProbe(handle, request.timeout().plusSeconds(5))) {
            return probe.exec(request);
        }
    }

    /**
     * A probe kept for several commands (one grading run): started once, removed on {@link Probe#close()} and in
     * any case by the reaper once {@code lifetime} has passed.
     */
    Probe openProbe(EnvironmentHandle handle, Duration lifetime);

    /** A running probe: commands run with the probe's tools in the environment's namespaces. */
    interface Probe extends AutoCloseable {
        ExecResult exec(ExecRequest request);

        @Override
        void close();
    }

    /**
     * Runs a command in a fresh container of ours from {@code image} (network none, no capabilities, small
     * limits), with {@code files} placed under {@code /sandbox} first, and removes it: tools we trust working on
     * data the candidate wrote (their Prometheus rules, say). Labelled with the environment's session for the
     * reaper.
     */
    ExecResult sandbox(EnvironmentHandle handle, String image, Map<String, byte[]> files, ExecRequest request);

    /**
     * Opens an interactive terminal (a TTY exec of {@code request.command()}) in the environment, for the
     * candidate's browser. Engine trouble is an {@link EnvironmentException}.
     */
    Terminal openTerminal(EnvironmentHandle handle, Terminal.Request request, Terminal.Listener listener);

    /** Reads one regular file through the engine's API, never with tools inside the environment. */
    FileRead readFile(EnvironmentHandle handle, String path, long maxBytes);

    /**
     * Reads a directory through the engine's API as a tar of its sub-directories and regular files only (names
     * relative to it), refused when its files add up to more than {@code maxBytes}.
     */
    FileRead readTree(EnvironmentHandle handle, String path, long maxBytes);

    EnvironmentStatus status(EnvironmentHandle handle);

    /**
     * Measures every running environment whose disk the engine does not cap itself: what each has written to the
     * host's disk and the disk its lab declared. Cheap enough to call every few seconds: the engine sizes each
     * environment's own writable layer, nothing else of the host. Empty where the platform enforces the limit
     * (Kubernetes: the kubelet evicts a pod past its {@code ephemeral-storage} limit).
     */
    default List<DiskUse> measureDisk() {
        return List.of();
    }

    /**
     * Stops every process of the environment at once (no more writes), keeping its files for grading and the
     * record until {@link #destroy}. Where a driver cannot keep a stopped environment, it removes it.
     */
    default void halt(EnvironmentHandle handle) {
        destroy(handle);
    }

    /** Removes the environment and everything created with it; succeeds if it is already gone. */
    void destroy(EnvironmentHandle handle);

    /** Every environment this driver manages on the engine, running or not (for the reaper). */
    List<ManagedEnvironment> listManaged();

    @Override
    void close();
}
