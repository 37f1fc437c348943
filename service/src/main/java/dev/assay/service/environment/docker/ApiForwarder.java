package dev.assay.service.environment.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.assay.service.environment.EnvironmentHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A way out of an environment to exactly one TCP service of the host (the Kubernetes API server), and to
 * nothing else. The environment keeps no network of its own: a forwarder container of ours joins its network
 * namespace, listens on {@code 127.0.0.1:port} there and passes each connection to a Unix socket in a volume.
 * A relay container of ours (one per installation, host network) serves that socket and connects to the target.
 * The relay is started on first use and left running; {@link #removeRelay} removes it. Both run socat from the
 * probe image, read-only, with no capabilities.
 */
public final class ApiForwarder {
    static final String RELAY_PREFIX = "assay-relay-";
    static final String FORWARDER_PREFIX = "assay-forward-";
    /** Marks relay and forwarder containers, with their target; they are not environments, so not managed. */
    static final String RELAY_LABEL = "assay.relay-to";

    private final DockerEnvironmentDriver driver;
    private final DockerClient api;
    private final String instance;
    private final String probeImage;

    ApiForwarder(DockerEnvironmentDriver driver, DockerClient api, String instance, String probeImage) {
        this.driver = driver;
        this.api = api;
        this.instance = instance;
        this.probeImage = probeImage;
    }

    /** Starts the relay to {@code target} if it is not running, and the environment's forwarder on {@code port}. */
    public void forward(EnvironmentHandle handle, int port, String target) {
        String relay = ensureRelay(target);
        String name = FORWARDER_PREFIX + handle.sessionId() + "-" + instance;
        driver.remove(name);
        String id = driver.call(
                        "create forwarder " + name,
                        () -> api.createContainerCmd(probeImage)
                                .withName(name)
                                .withLabels(Map.of(
                                        ContainerSpecs.INSTANCE,
                                        instance,
                                        RELAY_LABEL,
                                        target,
                                        ContainerSpecs.SESSION,
                                        handle.sessionId()))
                                .withEntrypoint("socat")
                                .withCmd(
                                        "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr",
                                        "UNIX-CONNECT:/relay/api.sock")
                                .withHostConfig(ContainerSpecs.forwarderHostConfig(handle.externalId(), relay))
                                .exec())
                .getId();
        driver.call("start forwarder " + name, () -> {
            api.startContainerCmd(id).exec();
            return id;
        });
    }

    /** One relay per installation: sessions starting together in this process take turns making it. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Object> RELAY_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private String ensureRelay(String target) {
        String relay = RELAY_PREFIX + instance;
        synchronized (RELAY_LOCKS.computeIfAbsent(relay, name -> new Object())) {
            driver.call("start the relay " + relay, () -> {
                Optional<InspectContainerResponse> existing = driver.inspect(relay);
                if (existing.isPresent()
                        && Boolean.TRUE.equals(existing.get().getState().getRunning())) {
                    return relay;
                }
                existing.ifPresent(stale -> driver.remove(stale.getId()));
                try {
                    String id = api.createContainerCmd(probeImage)
                            .withName(relay)
                            .withLabels(Map.of(ContainerSpecs.INSTANCE, instance, RELAY_LABEL, target))
                            .withEntrypoint("socat")
                            .withCmd("UNIX-LISTEN:/relay/api.sock,fork,unlink-early,mode=666", "TCP:" + target)
                            .withHostConfig(ContainerSpecs.relayHostConfig(relay))
                            .exec()
                            .getId();
                    api.startContainerCmd(id).exec();
                } catch (com.github.dockerjava.api.exception.ConflictException madeByAnotherReplica) {
                    awaitRunning(relay);
                }
                return relay;
            });
        }
        return relay;
    }

    /** Another process (a second replica on this engine) is making the relay: give it a few seconds. */
    private void awaitRunning(String relay) {
        for (int i = 0; i < 50; i++) {
            Optional<InspectContainerResponse> made = driver.inspect(relay);
            if (made.isPresent() && Boolean.TRUE.equals(made.get().getState().getRunning())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new dev.assay.service.environment.EnvironmentException(
                "the relay " + relay + " exists but did not start within 5 s; see `docker logs " + relay + "`");
    }

    /** Removes the environment's forwarder (see {@link #forward}); succeeds if there is none. */
    public void remove(String sessionId) {
        driver.remove(FORWARDER_PREFIX + sessionId + "-" + instance);
    }

    /** The sessions that have a forwarder (see {@link #forward}), running or not. */
    public java.util.Set<String> sessions() {
        List<Container> forwarders = driver.call(
                "list forwarders",
                () -> api.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(ContainerSpecs.INSTANCE, instance))
                        .withNameFilter(List.of(FORWARDER_PREFIX))
                        .exec());
        java.util.Set<String> sessions = new java.util.TreeSet<>();
        for (Container forwarder : forwarders) {
            Map<String, String> labels = forwarder.getLabels() == null ? Map.of() : forwarder.getLabels();
            if (labels.containsKey(RELAY_LABEL) && labels.containsKey(ContainerSpecs.SESSION)) {
                sessions.add(labels.get(ContainerSpecs.SESSION));
            }
        }
        return sessions;
    }

    /** Removes this installation's relay and its volume (see {@link #forward}). */
    public void removeRelay() {
        String relay = RELAY_PREFIX + instance;
        driver.remove(relay);
        driver.call("remove volume " + relay, () -> {
            try {
                api.removeVolumeCmd(relay).exec();
            } catch (NotFoundException gone) {
                // never made, or already removed
            }
            return relay;
        });
    }
}
