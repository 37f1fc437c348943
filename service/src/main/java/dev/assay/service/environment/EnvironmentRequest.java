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
        Instant expiresAt) {

    public EnvironmentRequest {
        if (!sessionId.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("session id '" + sessionId + "' is not usable as a name");
        }
        capabilities = List.copyOf(capabilities);
        setup = List.copyOf(setup);
    }

    /** CPUs, memory (also the memory+swap ceiling), process count, and the size of the writable scratch space. */
    public record Limits(double cpus, long memoryBytes, int pids, long scratchBytes) {}

    /** One setup step: a name for errors, a script run with {@code sh}, and its deadline. */
    public record SetupCommand(String name, String script, Duration timeout) {}
}
