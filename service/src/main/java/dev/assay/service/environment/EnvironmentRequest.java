package dev.assay.service.environment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to provision for one session: the image, the limits and extra capabilities the lab declared, the network
 * mode, and the setup steps to run (as shell commands) before the candidate arrives.
 */
public record EnvironmentRequest(
        String sessionId,
        String labId,
        String labVersion,
        String image,
        Limits limits,
        List<String> capabilities,
        String network,
        List<SetupCommand> setup,
        Instant expiresAt,
        Kubernetes kubernetes) {

    /** A request with no Kubernetes part (a container lab). */
    public EnvironmentRequest(
            String sessionId,
            String labId,
            String labVersion,
            String image,
            Limits limits,
            List<String> capabilities,
            String network,
            List<SetupCommand> setup,
            Instant expiresAt) {
        this(sessionId, labId, labVersion, image, limits, capabilities, network, setup, expiresAt, Kubernetes.NONE);
    }

    public EnvironmentRequest {
        if (!sessionId.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("session id '" + sessionId + "' is not usable as a name");
        }
        capabilities = List.copyOf(capabilities);
        setup = List.copyOf(setup);
    }

    /**
     * The Kubernetes part of a lab: its objects (YAML documents, applied to the session's namespace with the
     * platform's credentials before the candidate arrives) and the extra rights it gives the candidate there
     * ({@code networkpolicies}, {@code rbac}; none by default).
     */
    public record Kubernetes(List<String> objects, List<String> grants) {
        public static final java.util.Set<String> GRANTS = java.util.Set.of("networkpolicies", "rbac");
        public static final Kubernetes NONE = new Kubernetes(List.of(), List.of());

        public Kubernetes {
            objects = List.copyOf(objects);
            grants = List.copyOf(grants);
            if (!GRANTS.containsAll(grants)) {
                throw new IllegalArgumentException("unknown grants " + grants + "; known: " + GRANTS);
            }
        }
    }

    /** CPUs, memory (also the memory+swap ceiling), process count, and the size of the writable scratch space. */
    public record Limits(double cpus, long memoryBytes, int pids, long scratchBytes) {}

    /** One setup step: a name for errors, a script run with {@code sh}, and its deadline. */
    public record SetupCommand(String name, String script, Duration timeout) {}
}
