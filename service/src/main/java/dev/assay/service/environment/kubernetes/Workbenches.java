package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.Terminal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the candidate of a Kubernetes session works: a container on the Docker engine next to the cluster
 * ({@link DockerWorkbenches}) or a pod in a namespace of its own on the cluster ({@link PodWorkbenches}). Either
 * way the workbench reaches the API server and nothing else, holds the candidate's kubeconfig, and answers the
 * driver's commands, probes, terminals and file reads by session id. Every method has a deadline and throws
 * {@link dev.assay.service.environment.EnvironmentException}s like the driver's.
 */
interface Workbenches extends AutoCloseable {

    /** The API server's address as the workbench reaches it, for the candidate's kubeconfig. */
    String apiServer();

    /**
     * Creates the session's workbench (idempotent per session: an existing one is replaced) with {@code kubeconfig}
     * where kubectl finds it, and returns once it runs. On failure the caller removes what is left.
     */
    void create(EnvironmentRequest request, String namespace, byte[] kubeconfig);

    ExecResult exec(String session, ExecRequest request);

    EnvironmentDriver.Probe openProbe(String session, Duration lifetime);

    ExecResult sandbox(String session, String image, Map<String, byte[]> files, ExecRequest request);

    Terminal openTerminal(String session, Terminal.Request request, Terminal.Listener listener);

    FileRead readFile(String session, String path, long maxBytes);

    FileRead readTree(String session, String path, long maxBytes);

    boolean running(String session);

    /** Removes the session's workbench and what came with it; succeeds when it is gone already. */
    void remove(String session);

    /**
     * What this installation's workbenches left that belongs to no session in {@code sessions} (the sessions
     * whose namespaces exist), as environments the driver's reaper may destroy: session leftovers under the
     * driver's kind, probes and sandboxes under their own.
     */
    List<ManagedEnvironment> leftovers(Set<String> sessions);

    /** Removes a probe or sandbox that {@link #leftovers} listed under its own kind. */
    void removeOther(EnvironmentHandle handle);

    @Override
    void close();
}
