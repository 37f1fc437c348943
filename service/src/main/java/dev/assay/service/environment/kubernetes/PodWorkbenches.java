package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.Terminal;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Workbenches as pods on the cluster itself, for an Assay that runs there (deploy/kubernetes): each session gets a
 * namespace of its own for its workbench ({@link PodSpecs}), fenced by network policies to the API server only.
 * Terminals, commands and file reads go through the API server's exec; probes run in our container of the pod.
 */
final class PodWorkbenches implements Workbenches {
    private static final Duration READY_WAIT = Duration.ofSeconds(60);

    private final KubernetesClient api;
    private final KubeCalls calls;
    private final String instance;
    private final String probeImage;
    private final @Nullable String apiServerOverride;

    /** {@code apiServer}: how pods reach the API server; null for the address it advertises. */
    PodWorkbenches(KubernetesClient api, String instance, String probeImage, @Nullable String apiServer) {
        this.api = api;
        this.calls = new KubeCalls(api);
        this.instance = instance;
        this.probeImage = probeImage;
        this.apiServerOverride = apiServer == null || apiServer.isBlank() ? null : apiServer;
    }

    @Override
    public String apiServer() {
        if (apiServerOverride != null) {
            return apiServerOverride;
        }
        Endpoints endpoints = apiEndpoints();
        String address = endpoints.getSubsets().get(0).getAddresses().get(0).getIp();
        int port = endpoints.getSubsets().get(0).getPorts().get(0).getPort();
        return "https://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    private Endpoints apiEndpoints() {
        Endpoints endpoints = calls.call(
                "read the API server's endpoints",
                () -> api.endpoints()
                        .inNamespace("default")
                        .withName("kubernetes")
                        .get());
        if (endpoints == null
                || endpoints.getSubsets().isEmpty()
                || endpoints.getSubsets().get(0).getAddresses().isEmpty()) {
            throw new EnvironmentException("the cluster names no endpoint for its API server (default/kubernetes)");
        }
        return endpoints;
    }

    @Override
    public void create(EnvironmentRequest request, String namespace, byte[] kubeconfig) {
        String bench = PodSpecs.namespace(instance, request.sessionId());
        Endpoints endpoints = apiEndpoints();
        List<String> addresses = endpoints.getSubsets().get(0).getAddresses().stream()
                .map(a -> a.getIp())
                .toList();
        int port = endpoints.getSubsets().get(0).getPorts().get(0).getPort();
        List<HasMetadata> objects = new ArrayList<>(PodSpecs.policies(addresses, port));
        objects.add(PodSpecs.kubeconfig(kubeconfig));
        objects.add(PodSpecs.workbench(request.sessionId(), request, probeImage));
        calls.call(
                "create the workbench namespace of " + namespace,
                () -> api.namespaces()
                        .resource(PodSpecs.benchNamespace(instance, request))
                        .create());
        awaitDefaultServiceAccount(bench);
        calls.call("create the workbench of " + namespace, () -> {
            for (HasMetadata object : objects) {
                object.getMetadata().setNamespace(bench);
                api.resource(object).inNamespace(bench).create();
            }
            return bench;
        });
        awaitRunning(bench, PodSpecs.POD);
    }

    /** Waits until the pod's containers run; a pod that cannot start fails with its containers' reasons. */
    /**
     * The API server refuses a pod in a namespace whose {@code default} ServiceAccount the controller manager has not
     * made yet ("serviceaccount default not found"); a new namespace gets it within moments, later on a busy cluster.
     */
    private void awaitDefaultServiceAccount(String namespace) {
        try {
            api.serviceAccounts()
                    .inNamespace(namespace)
                    .withName("default")
                    .waitUntilCondition(account -> account != null, READY_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EnvironmentException.SetupFailed("the namespace " + namespace + " got no default ServiceAccount"
                    + " within " + READY_WAIT.toSeconds() + " s (is the cluster's controller manager running?): "
                    + e.getMessage());
        }
    }

    private void awaitRunning(String namespace, String pod) {
        try {
            api.pods()
                    .inNamespace(namespace)
                    .withName(pod)
                    .waitUntilCondition(
                            p -> p != null && (allRunning(p) || stuck(p) != null),
                            READY_WAIT.toSeconds(),
                            TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EnvironmentException.SetupFailed("the pod " + pod + " in " + namespace + " did not start within "
                    + READY_WAIT.toSeconds() + " s: " + e.getMessage());
        }
        Pod now = api.pods().inNamespace(namespace).withName(pod).get();
        String stuck = now == null ? "it is gone" : stuck(now);
        if (stuck != null) {
            throw new EnvironmentException.SetupFailed(
                    "the pod " + pod + " in " + namespace + " cannot start: " + stuck);
        }
    }

    private static boolean allRunning(Pod pod) {
        List<ContainerStatus> statuses =
                pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
        return !statuses.isEmpty()
                && statuses.size() == pod.getSpec().getContainers().size()
                && statuses.stream().allMatch(s -> s.getState().getRunning() != null);
    }

    /** Why a container cannot start (an image that is not there, a refused spec), or null while it may. */
    private static @Nullable String stuck(Pod pod) {
        if (pod.getStatus() == null) {
            return null;
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            var waiting = status.getState().getWaiting();
            if (waiting != null
                    && waiting.getReason() != null
                    && waiting.getReason()
                            .matches("ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName"
                                    + "|CreateContainerConfigError|CreateContainerError|CrashLoopBackOff")) {
                return status.getName() + ": " + waiting.getReason() + " " + waiting.getMessage();
            }
        }
        return null;
    }

    private io.fabric8.kubernetes.client.dsl.ContainerResource container(String session, String container) {
        return PodExec.container(api, PodSpecs.namespace(instance, session), PodSpecs.POD, container);
    }

    @Override
    public ExecResult exec(String session, ExecRequest request) {
        return calls.interruptible(
                "exec in the workbench", () -> PodExec.run(container(session, PodSpecs.WORKBENCH), request));
    }

    @Override
    public EnvironmentDriver.Probe openProbe(String session, Duration lifetime) {
        return new EnvironmentDriver.Probe() {
            @Override
            public ExecResult exec(ExecRequest request) {
                return calls.interruptible(
                        "exec in the workbench's probe",
                        () -> PodExec.run(container(session, PodSpecs.PROBE), request));
            }

            @Override
            public void close() {
                // the probe is a container of the workbench pod: it goes with it
            }
        };
    }

    @Override
    public ExecResult sandbox(String session, String image, Map<String, byte[]> files, ExecRequest request) {
        String bench = PodSpecs.namespace(instance, session);
        String name = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);
        long seconds = request.timeout().toSeconds() + 60;
        try {
            calls.call("start a sandbox in " + bench, () -> {
                api.configMaps()
                        .inNamespace(bench)
                        .resource(PodSpecs.sandboxFiles(name, files))
                        .create();
                return api.pods()
                        .inNamespace(bench)
                        .resource(PodSpecs.sandbox(session, name, image, files, seconds))
                        .create();
            });
            awaitRunning(bench, name);
            return calls.interruptible(
                    "exec in a sandbox", () -> PodExec.run(PodExec.container(api, bench, name, "sandbox"), request));
        } finally {
            calls.call("remove the sandbox " + name, () -> {
                api.pods().inNamespace(bench).withName(name).withGracePeriod(0).delete();
                return api.configMaps().inNamespace(bench).withName(name).delete();
            });
        }
    }

    @Override
    public Terminal openTerminal(String session, Terminal.Request request, Terminal.Listener listener) {
        return calls.call(
                "open a terminal in the workbench",
                () -> PodTerminal.open(container(session, PodSpecs.WORKBENCH), request, listener));
    }

    @Override
    public FileRead readFile(String session, String path, long maxBytes) {
        return calls.interruptible(
                "read " + path, () -> PodFiles.file(container(session, PodSpecs.PROBE), path, maxBytes));
    }

    @Override
    public FileRead readTree(String session, String path, long maxBytes) {
        return calls.interruptible(
                "read " + path, () -> PodFiles.tree(container(session, PodSpecs.PROBE), path, maxBytes));
    }

    @Override
    public boolean running(String session) {
        Pod pod = calls.call(
                "read the workbench",
                () -> api.pods()
                        .inNamespace(PodSpecs.namespace(instance, session))
                        .withName(PodSpecs.POD)
                        .get());
        return pod != null && pod.getMetadata().getDeletionTimestamp() == null && allRunning(pod);
    }

    @Override
    public void remove(String session) {
        calls.call(
                "delete the workbench namespace",
                () -> api.namespaces()
                        .withName(PodSpecs.namespace(instance, session))
                        .delete());
    }

    @Override
    public List<ManagedEnvironment> leftovers(Set<String> sessions) {
        List<Namespace> benches = calls.call(
                "list workbench namespaces",
                () -> api.namespaces()
                        .withLabel(NamespaceSpecs.MANAGED, "true")
                        .withLabel(NamespaceSpecs.INSTANCE, instance)
                        .withLabel(PodSpecs.PART, PodSpecs.WORKBENCH)
                        .list()
                        .getItems());
        List<ManagedEnvironment> orphans = new ArrayList<>();
        for (Namespace bench : benches) {
            Map<String, String> annotations = bench.getMetadata().getAnnotations();
            String session = annotations == null ? null : annotations.get(NamespaceSpecs.SESSION_ID);
            if (session == null
                    || sessions.contains(session)
                    || bench.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            orphans.add(new ManagedEnvironment(
                    new EnvironmentHandle(
                            KubernetesEnvironmentDriver.KIND, NamespaceSpecs.name(instance, session), session),
                    "",
                    Instant.EPOCH,
                    Instant.EPOCH,
                    EnvironmentStatus.STOPPED));
        }
        return orphans;
    }

    @Override
    public void removeOther(EnvironmentHandle handle) {
        throw new EnvironmentException("pod workbenches leave no probe or sandbox outside their namespace: " + handle);
    }

    @Override
    public void close() {
        // the client is the driver's
    }
}
