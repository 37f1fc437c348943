package dev.assay.service.environment.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.assay.service.environment.DiskUse;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.ImageChanges;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.Terminal;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The container driver: one hardened container per session on the Docker engine (see {@link ContainerSpecs}).
 * Engine calls have a response deadline ({@code apiTimeout}); exec output streams have their own client so a
 * long, quiet command is bounded by its exec deadline instead.
 */
public final class DockerEnvironmentDriver implements EnvironmentDriver, ImageChanges {
    public static final String KIND = "container";
    /** Provisioning first asks the engine for a sign of life, so a dead engine is reported within 2 s. */
    private static final Duration PING_DEADLINE = Duration.ofMillis(1500);

    private final URI host;
    private final String instance;
    private final String probeImage;
    private final DockerHttpClient apiHttp;
    private final DockerHttpClient pingHttp;
    private final DockerHttpClient streamHttp;
    private final DockerClient api;
    private final DockerClient streams;
    private final DockerClient terminals;
    private final ArchiveReader archives;

    /** {@code instance} names this installation: it only ever sees and touches containers labelled with it. */
    public DockerEnvironmentDriver(
            URI host, String instance, Duration connectTimeout, Duration apiTimeout, ObjectMapper json) {
        this(host, instance, "assay/probe:latest", connectTimeout, apiTimeout, json);
    }

    /** {@code probeImage}: the image of our tools probes run ({@code ./assay images build} makes it). */
    public DockerEnvironmentDriver(
            URI host,
            String instance,
            String probeImage,
            Duration connectTimeout,
            Duration apiTimeout,
            ObjectMapper json) {
        this.host = host;
        this.instance = instance;
        this.probeImage = probeImage;
        this.apiHttp = http(host, connectTimeout, apiTimeout);
        this.pingHttp = http(host, PING_DEADLINE, PING_DEADLINE);
        this.streamHttp = http(host, connectTimeout, Duration.ofMinutes(30));
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString())
                .build();
        this.api = DockerClientImpl.getInstance(config, apiHttp);
        this.streams = DockerClientImpl.getInstance(config, streamHttp);
        // A terminal may sit idle for as long as a lab lasts; its connection must not time out before.
        this.terminals = DockerClientImpl.getInstance(config, http(host, connectTimeout, Duration.ofHours(12)));
        this.archives = new ArchiveReader(apiHttp, json);
    }

    private static DockerHttpClient http(URI host, Duration connect, Duration response) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .connectionTimeout(connect)
                .responseTimeout(response)
                .maxConnections(32)
                .build();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public EnvironmentHandle provision(EnvironmentRequest request) {
        ping();
        String name = ContainerSpecs.name(instance, request.sessionId());
        Optional<InspectContainerResponse> existing = call("inspect " + name, () -> inspect(name));
        if (existing.isPresent() && !instance.equals(labelsOf(existing.get()).get(ContainerSpecs.INSTANCE))) {
            throw new EnvironmentException(
                    "a container named " + name + " exists but is not one of this installation's" + " (instance "
                            + instance + "); remove it, or give each installation its own environments.instance");
        }
        if (existing.isPresent()
                && Boolean.TRUE.equals(existing.get().getState().getRunning())) {
            return handle(existing.get().getId(), request.sessionId());
        }
        existing.ifPresent(stale -> remove(stale.getId()));
        if ("internal".equals(request.network())) {
            createNetwork(request);
        }
        String id;
        try {
            id = call(
                            "create " + name,
                            () -> api.createContainerCmd(request.image())
                                    .withName(name)
                                    .withHostName("lab")
                                    .withLabels(ContainerSpecs.labels(instance, request))
                                    .withCmd("sleep", "infinity")
                                    .withWorkingDir("/root")
                                    .withHostConfig(ContainerSpecs.hostConfig(instance, request))
                                    .exec())
                    .getId();
        } catch (RuntimeException e) {
            if ("internal".equals(request.network())) {
                removeNetwork(ContainerSpecs.networkName(instance, request.sessionId()));
            }
            throw e;
        }
        try {
            call("start " + name, () -> {
                api.startContainerCmd(id).exec();
                return id;
            });
            EnvironmentHandle handle = handle(id, request.sessionId());
            dev.assay.service.environment.SetupSteps.run(this, handle, request.setup());
            return handle;
        } catch (RuntimeException e) {
            remove(id);
            if ("internal".equals(request.network())) {
                removeNetwork(ContainerSpecs.networkName(instance, request.sessionId()));
            }
            throw e;
        }
    }

    private static Map<String, String> labelsOf(InspectContainerResponse container) {
        Map<String, String> labels =
                container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }

    @Override
    public ExecResult exec(EnvironmentHandle handle, ExecRequest request) {
        return call("exec in " + handle.externalId(), () -> {
            try {
                return BoundedExec.run(api, streams, handle.externalId(), request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("interrupted while running " + request.command(), e);
            }
        });
    }

    @Override
    public Probe openProbe(EnvironmentHandle handle, Duration lifetime) {
        ping();
        String name = ContainerSpecs.PROBE_PREFIX + handle.sessionId() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        long seconds = Math.max(1, lifetime.toSeconds());
        Map<String, String> labels = Map.of(
                ContainerSpecs.MANAGED,
                "true",
                ContainerSpecs.INSTANCE,
                instance,
                ContainerSpecs.SESSION,
                handle.sessionId(),
                ContainerSpecs.LAB,
                "probe",
                ContainerSpecs.EXPIRES_AT,
                java.time.Instant.now().plusSeconds(seconds).toString());
        String id = call(
                        "create probe " + name,
                        () -> api.createContainerCmd(probeImage)
                                .withName(name)
                                .withLabels(labels)
                                .withEntrypoint("/bin/sleep")
                                .withCmd(Long.toString(seconds))
                                .withHostConfig(ContainerSpecs.probeHostConfig(handle.externalId()))
                                .exec())
                .getId();
        try {
            call("start probe " + name, () -> {
                api.startContainerCmd(id).exec();
                return id;
            });
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
        EnvironmentHandle probe = handle(id, handle.sessionId());
        return new Probe() {
            @Override
            public ExecResult exec(ExecRequest request) {
                return DockerEnvironmentDriver.this.exec(probe, request);
            }

            @Override
            public void close() {
                remove(id);
            }
        };
    }

    @Override
    public ExecResult sandbox(EnvironmentHandle handle, String image, Map<String, byte[]> files, ExecRequest request) {
        ping();
        String name = ContainerSpecs.PROBE_PREFIX + "sandbox-" + handle.sessionId() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        long seconds = Math.max(1, request.timeout().toSeconds() + 10);
        EnvironmentRequest limits = new EnvironmentRequest(
                "sandbox",
                "sandbox",
                "1",
                image,
                new EnvironmentRequest.Limits(0.5, 256L << 20, 64, 16L << 20),
                ContainerSpecs.SANDBOX_CAPABILITIES,
                "none",
                List.of(),
                java.time.Instant.now().plusSeconds(seconds));
        Map<String, String> labels = new java.util.HashMap<>(ContainerSpecs.labels(instance, limits));
        labels.put(ContainerSpecs.SESSION, handle.sessionId());
        labels.put(ContainerSpecs.LAB, "sandbox");
        labels.remove(ContainerSpecs.DISK); // not a lab: its writes end with its command, it is not the candidate's
        String id = call(
                        "create sandbox " + name,
                        () -> api.createContainerCmd(image)
                                .withName(name)
                                .withLabels(labels)
                                .withEntrypoint("/bin/sleep")
                                .withCmd(Long.toString(seconds))
                                .withWorkingDir("/sandbox")
                                .withHostConfig(ContainerSpecs.hostConfig(instance, limits))
                                .exec())
                .getId();
        try {
            call("copy into sandbox " + name, () -> {
                api.copyArchiveToContainerCmd(id)
                        .withRemotePath("/")
                        .withTarInputStream(new java.io.ByteArrayInputStream(SandboxFiles.tar(files)))
                        .exec();
                return id;
            });
            call("start sandbox " + name, () -> {
                api.startContainerCmd(id).exec();
                return id;
            });
            return exec(handle(id, handle.sessionId()), request);
        } finally {
            remove(id);
        }
    }

    /**
     * Writes files (plain names) into {@code directory} of the environment (relative to its root, such as
     * {@code root/.kube}), owned by root, through the engine's archive API: for set-up, before the candidate
     * arrives.
     */
    public void putFiles(EnvironmentHandle handle, String directory, Map<String, byte[]> files, int fileMode) {
        byte[] tar = SandboxFiles.tar(directory, 0700, files, fileMode);
        call("copy into " + handle.externalId(), () -> {
            api.copyArchiveToContainerCmd(handle.externalId())
                    .withRemotePath("/")
                    .withTarInputStream(new java.io.ByteArrayInputStream(tar))
                    .exec();
            return handle;
        });
    }

    /** The handle of a session's environment by its container's name, for drivers built on this one. */
    public EnvironmentHandle environmentOf(String sessionId) {
        return handle(ContainerSpecs.name(instance, sessionId), sessionId);
    }

    /** The forwarders that give environments a way to one service of the host (the Kubernetes API server). */
    public ApiForwarder forwarder() {
        return new ApiForwarder(this, api, instance, probeImage);
    }

    @Override
    public FileRead readFile(EnvironmentHandle handle, String path, long maxBytes) {
        return call("read " + path, () -> archives.read(handle.externalId(), path, maxBytes));
    }

    @Override
    public Terminal openTerminal(EnvironmentHandle handle, Terminal.Request request, Terminal.Listener listener) {
        ping();
        return call(
                "open a terminal in " + handle.externalId(),
                () -> DockerTerminal.open(terminals, handle.externalId(), request, listener));
    }

    @Override
    public FileRead readTree(EnvironmentHandle handle, String path, long maxBytes) {
        return call("read " + path, () -> archives.tree(handle.externalId(), path, maxBytes));
    }

    @Override
    public Set<String> changedFromImage(EnvironmentHandle handle) {
        return call("list the changes of " + handle.externalId(), () -> {
            List<ChangeLog> changes = api.containerDiffCmd(handle.externalId()).exec();
            return changes == null
                    ? Set.<String>of()
                    : changes.stream()
                            .map(ChangeLog::getPath)
                            .filter(Objects::nonNull)
                            .collect(Collectors.toUnmodifiableSet());
        });
    }

    @Override
    public EnvironmentStatus status(EnvironmentHandle handle) {
        return call("inspect " + handle.externalId(), () -> inspect(handle.externalId()))
                .map(c -> Boolean.TRUE.equals(c.getState().getRunning())
                        ? EnvironmentStatus.RUNNING
                        : EnvironmentStatus.STOPPED)
                .orElse(EnvironmentStatus.GONE);
    }

    @Override
    public List<DiskUse> measureDisk() {
        return call("measure the labs' disk", () -> DiskMeter.measure(api, instance));
    }

    @Override
    public void halt(EnvironmentHandle handle) {
        call("stop " + handle.externalId(), () -> DiskMeter.halt(api, handle));
    }

    @Override
    public void destroy(EnvironmentHandle handle) {
        remove(handle.externalId());
        if (!handle.sessionId().isEmpty()) {
            removeNetwork(ContainerSpecs.networkName(instance, handle.sessionId()));
        }
    }

    /** The session's own network: internal (no gateway, no way out), labelled like the container. */
    private void createNetwork(EnvironmentRequest request) {
        String name = ContainerSpecs.networkName(instance, request.sessionId());
        call("create network " + name, () -> {
            try {
                api.inspectNetworkCmd().withNetworkId(name).exec();
            } catch (NotFoundException absent) {
                api.createNetworkCmd()
                        .withName(name)
                        .withDriver("bridge")
                        .withInternal(true)
                        .withLabels(ContainerSpecs.labels(instance, request))
                        .exec();
            }
            return name;
        });
    }

    private void removeNetwork(String name) {
        call("remove network " + name, () -> {
            try {
                api.removeNetworkCmd(name).exec();
            } catch (NotFoundException gone) {
                // no network for this session, or already removed
            }
            return name;
        });
    }

    @Override
    public List<ManagedEnvironment> listManaged() {
        List<Container> containers = call(
                "list",
                () -> api.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(ContainerSpecs.MANAGED, "true", ContainerSpecs.INSTANCE, instance))
                        .exec());
        return containers.stream().map(this::managed).toList();
    }

    private ManagedEnvironment managed(Container container) {
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        Instant expires;
        try {
            expires = Instant.parse(labels.getOrDefault(ContainerSpecs.EXPIRES_AT, ""));
        } catch (java.time.format.DateTimeParseException e) {
            expires = Instant.EPOCH; // a managed container with a broken expiry is overdue
        }
        EnvironmentStatus status =
                "running".equals(container.getState()) ? EnvironmentStatus.RUNNING : EnvironmentStatus.STOPPED;
        return new ManagedEnvironment(
                handle(container.getId(), labels.getOrDefault(ContainerSpecs.SESSION, "")),
                labels.getOrDefault(ContainerSpecs.LAB, ""),
                Instant.ofEpochSecond(container.getCreated() == null ? 0 : container.getCreated()),
                expires,
                status);
    }

    void remove(String id) {
        call("remove " + id, () -> {
            try {
                api.removeContainerCmd(id)
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            } catch (NotFoundException gone) {
                // already gone: destroy is idempotent
            }
            return id;
        });
    }

    /** Throws {@link EnvironmentException.EngineUnavailable} unless the engine answers /_ping within the deadline. */
    private void ping() {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/_ping")
                .build();
        try (DockerHttpClient.Response response = pingHttp.execute(request)) {
            if (response.getStatusCode() != 200) {
                throw new EnvironmentException.EngineUnavailable(
                        "the Docker engine at " + host + " answered /_ping with HTTP " + response.getStatusCode(),
                        null);
            }
        } catch (EnvironmentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentException.EngineUnavailable(
                    "the Docker engine at " + host + " did not answer within " + PING_DEADLINE.toMillis() + " ms (" + e
                            + "). Start it or check DOCKER_HOST.",
                    e);
        }
    }

    Optional<InspectContainerResponse> inspect(String idOrName) {
        try {
            return Optional.of(api.inspectContainerCmd(idOrName).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static EnvironmentHandle handle(String id, String sessionId) {
        return new EnvironmentHandle(KIND, id, sessionId);
    }

    /** Runs one engine call, turning transport failures and 5xx answers into {@link EnvironmentException}s. */
    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw new EnvironmentException.NotFound(what + ": not found on the Docker engine at " + host);
        } catch (DockerException e) {
            if (e.getHttpStatus() >= 500) {
                throw new EnvironmentException.EngineUnavailable(
                        what + ": the Docker engine failed: " + e.getMessage(), e);
            }
            throw new EnvironmentException(what + ": the Docker engine refused: " + e.getMessage(), e);
        } catch (EnvironmentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentException.EngineUnavailable(
                    what + ": the Docker engine at " + host + " is not reachable (" + e
                            + "). Start it (./assay start does) or check DOCKER_HOST.",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            pingHttp.close();
            api.close();
            streams.close();
            terminals.close();
        } catch (IOException e) {
            throw new EnvironmentException("closing the Docker clients failed", e);
        }
    }
}
