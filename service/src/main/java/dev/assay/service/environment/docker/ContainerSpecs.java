package dev.assay.service.environment.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.assay.service.environment.EnvironmentRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hardened container a lab runs in, as pure data: names, labels and host configuration. No call to the
 * engine here, so every setting can be read (and tested) in one place.
 */
final class ContainerSpecs {
    static final String MANAGED = "assay.managed";
    /** Which Assay installation owns the container: two on one engine never touch each other's labs. */
    static final String INSTANCE = "assay.instance";

    static final String SESSION = "assay.session";
    static final String LAB = "assay.lab";
    static final String LAB_VERSION = "assay.lab-version";
    static final String EXPIRES_AT = "assay.expires-at";
    /** The disk the lab declared, in bytes: the disk watch stops a lab whose writable layer grows past it. */
    static final String DISK = "assay.disk-bytes";

    static final String NAME_PREFIX = "assay-lab-";
    /** Docker's json-file log of a lab: one file of at most this, so a log flood cannot fill the host disk. */
    static final String LOG_MAX_SIZE = "1m";

    private ContainerSpecs() {}

    /** Named by installation and session: two installations sharing an engine never meet by name. */
    static String name(String instance, String sessionId) {
        return NAME_PREFIX + instance + "-" + sessionId;
    }

    static Map<String, String> labels(String instance, EnvironmentRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(INSTANCE, instance);
        labels.put(SESSION, request.sessionId());
        labels.put(LAB, request.labId());
        labels.put(LAB_VERSION, request.labVersion());
        labels.put(EXPIRES_AT, request.expiresAt().toString());
        labels.put(DISK, Long.toString(request.limits().scratchBytes()));
        return labels;
    }

    /**
     * No network (or the session's internal one), memory = memory+swap, a CPU quota, a pids limit, an init
     * process, every capability dropped but those the lab declared, no new privileges, a capped log, size-capped
     * tmpfs scratch space, no host mounts, never privileged.
     */
    static HostConfig hostConfig(String instance, EnvironmentRequest request) {
        EnvironmentRequest.Limits limits = request.limits();
        return HostConfig.newHostConfig()
                .withPrivileged(false)
                .withNetworkMode(
                        "internal".equals(request.network()) ? networkName(instance, request.sessionId()) : "none")
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000L))
                .withPidsLimit((long) limits.pids())
                .withInit(true)
                .withCapDrop(Capability.ALL)
                .withCapAdd(
                        request.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges"))
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", "1")))
                .withTmpFs(Map.of(
                        "/tmp", tmpfs(scratchBytes(limits, TMP_SHARE)),
                        "/var/tmp", tmpfs(scratchBytes(limits, VAR_TMP_SHARE))))
                .withUlimits(List.of(new Ulimit("nofile", 4096L, 4096L)))
                .withIpcMode("private")
                .withAutoRemove(false);
    }

    /**
     * /tmp and /var/tmp are tmpfs, whose pages count against the lab's memory limit: full, they must leave most of
     * it to the lab's processes (an eighth and a quarter, 3/8 together), else every later command and the
     * terminal's shell are killed for want of memory. Each is also at most the lab's declared disk. /var/tmp gets
     * the larger share: labs use it as their data volume (linux-disk-full fills its 64 MiB).
     */
    static final int TMP_SHARE = 8;

    static final int VAR_TMP_SHARE = 4;

    static long scratchBytes(EnvironmentRequest.Limits limits, int share) {
        return Math.min(limits.scratchBytes(), limits.memoryBytes() / share);
    }

    private static String tmpfs(long bytes) {
        return "rw,nosuid,nodev,size=" + bytes;
    }

    static final String PROBE_PREFIX = "assay-probe-";

    /**
     * What a sandbox's root may do beyond an unprivileged process, so that real servers start on the candidate's
     * files as they would under a root of their host (nginx opens its logs, binds port 80, its workers switch to
     * www-data). A sandbox has no network, our image and binaries, and lives for one command.
     */
    static final List<String> SANDBOX_CAPABILITIES =
            List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID", "NET_BIND_SERVICE");

    /**
     * A probe joins the lab's network and pid namespaces, with its own read-only file system (busybox, psql, mosquitto clients, openssl),
     * no host mounts, small limits, and only two read-only capabilities: CAP_SYS_PTRACE, which reading
     * /proc/<pid>/exe and the fd links of the lab's processes needs (they hold capabilities the probe otherwise
     * lacks), and CAP_DAC_READ_SEARCH, which listing /proc/<pid>/fd of processes of other users needs. One probe
     * serves a grading run's checks, four at a time, each a shell with pipelines and clients in the background:
     * 128 processes (32 ran out under load and failed checks the candidate had passed); its 64 MiB bound it anyway.
     */
    static HostConfig probeHostConfig(String labContainerId) {
        return HostConfig.newHostConfig()
                .withPrivileged(false)
                .withNetworkMode("container:" + labContainerId)
                .withPidMode("container:" + labContainerId)
                .withMemory(64L << 20)
                .withMemorySwap(64L << 20)
                .withNanoCPUs(500_000_000L)
                .withPidsLimit(128L)
                .withCapDrop(Capability.ALL)
                .withCapAdd(Capability.SYS_PTRACE, Capability.DAC_READ_SEARCH)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", "1")))
                .withAutoRemove(false);
    }

    /**
     * The relay to the host's API server: host network (it connects to a port on the host's loopback), a volume
     * for its Unix socket, our image, read-only, no capabilities, small limits, restarted with the engine.
     */
    static HostConfig relayHostConfig(String volume) {
        return HostConfig.newHostConfig()
                .withPrivileged(false)
                .withNetworkMode("host")
                .withBinds(new com.github.dockerjava.api.model.Bind(
                        volume, new com.github.dockerjava.api.model.Volume("/relay")))
                .withMemory(32L << 20)
                .withMemorySwap(32L << 20)
                .withNanoCPUs(250_000_000L)
                .withPidsLimit(256L)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart())
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", "1")));
    }

    /**
     * A forwarder joins the lab's network namespace (which has no network but loopback) and reaches the relay's
     * socket through the relay's volume, read-only; otherwise like the relay.
     */
    static HostConfig forwarderHostConfig(String labContainerId, String volume) {
        return HostConfig.newHostConfig()
                .withPrivileged(false)
                .withNetworkMode("container:" + labContainerId)
                .withBinds(new com.github.dockerjava.api.model.Bind(
                        volume,
                        new com.github.dockerjava.api.model.Volume("/relay"),
                        com.github.dockerjava.api.model.AccessMode.ro))
                .withMemory(32L << 20)
                .withMemorySwap(32L << 20)
                .withNanoCPUs(250_000_000L)
                .withPidsLimit(64L)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", "1")));
    }

    static String networkName(String instance, String sessionId) {
        return "assay-net-" + instance + "-" + sessionId;
    }
}
