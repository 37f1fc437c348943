package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.Terminal;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workbenches on the Docker engine next to the cluster: a container of the lab's image with no network, whose
 * only way out is a forwarder in its network namespace to the API server (see
 * {@link dev.assay.service.environment.docker.ApiForwarder}); kubectl finds the API server on 127.0.0.1:6443.
 * For a cluster on this machine ({@code ./assay cluster up}).
 */
final class DockerWorkbenches implements Workbenches {
    /** Where kubectl in the workbench finds the API server (the forwarder listens there). */
    static final int API_PORT = 6443;

    private final DockerEnvironmentDriver docker;
    private final String apiTarget;
    private final String instance;

    /** {@code apiTarget}: host:port of the API server as this machine reaches it. */
    DockerWorkbenches(DockerEnvironmentDriver docker, String apiTarget, String instance) {
        this.docker = docker;
        this.apiTarget = apiTarget;
        this.instance = instance;
    }

    @Override
    public String apiServer() {
        return "https://127.0.0.1:" + API_PORT;
    }

    @Override
    public void create(EnvironmentRequest request, String namespace, byte[] kubeconfig) {
        EnvironmentRequest plain = new EnvironmentRequest(
                request.sessionId(),
                request.labId(),
                request.labVersion(),
                request.image(),
                request.limits(),
                request.capabilities(),
                "none",
                List.of(),
                request.expiresAt());
        EnvironmentHandle workbench = docker.provision(plain);
        docker.forwarder().forward(workbench, API_PORT, apiTarget);
        docker.putFiles(workbench, "root/.kube", Map.of("config", kubeconfig), 0600);
    }

    @Override
    public ExecResult exec(String session, ExecRequest request) {
        return docker.exec(workbench(session), request);
    }

    @Override
    public EnvironmentDriver.Probe openProbe(String session, Duration lifetime) {
        return docker.openProbe(workbench(session), lifetime);
    }

    @Override
    public ExecResult sandbox(String session, String image, Map<String, byte[]> files, ExecRequest request) {
        return docker.sandbox(workbench(session), image, files, request);
    }

    @Override
    public Terminal openTerminal(String session, Terminal.Request request, Terminal.Listener listener) {
        return docker.openTerminal(workbench(session), request, listener);
    }

    @Override
    public FileRead readFile(String session, String path, long maxBytes) {
        return docker.readFile(workbench(session), path, maxBytes);
    }

    @Override
    public FileRead readTree(String session, String path, long maxBytes) {
        return docker.readTree(workbench(session), path, maxBytes);
    }

    @Override
    public boolean running(String session) {
        return docker.status(workbench(session)) == EnvironmentStatus.RUNNING;
    }

    @Override
    public void remove(String session) {
        docker.forwarder().remove(session);
        docker.destroy(workbench(session));
    }

    @Override
    public List<ManagedEnvironment> leftovers(Set<String> sessions) {
        Map<String, ManagedEnvironment> orphans = new LinkedHashMap<>();
        List<ManagedEnvironment> helpers = new ArrayList<>();
        for (ManagedEnvironment container : docker.listManaged()) {
            String session = container.handle().sessionId();
            if (container.labId().equals("probe") || container.labId().equals("sandbox")) {
                helpers.add(container);
            } else if (!sessions.contains(session)) {
                orphans.put(session, orphan(session, container.labId(), container.createdAt(), container.expiresAt()));
            }
        }
        for (String session : docker.forwarder().sessions()) {
            if (!sessions.contains(session)) {
                orphans.computeIfAbsent(session, s -> orphan(s, "", Instant.EPOCH, Instant.EPOCH));
            }
        }
        List<ManagedEnvironment> all = new ArrayList<>(orphans.values());
        all.addAll(helpers);
        return all;
    }

    @Override
    public void removeOther(EnvironmentHandle handle) {
        docker.destroy(handle);
    }

    private ManagedEnvironment orphan(String session, String lab, Instant created, Instant expires) {
        return new ManagedEnvironment(
                new EnvironmentHandle(
                        KubernetesEnvironmentDriver.KIND, NamespaceSpecs.name(instance, session), session),
                lab,
                created,
                expires,
                EnvironmentStatus.STOPPED);
    }

    private EnvironmentHandle workbench(String session) {
        return docker.environmentOf(session);
    }

    @Override
    public void close() {
        docker.close();
    }
}
