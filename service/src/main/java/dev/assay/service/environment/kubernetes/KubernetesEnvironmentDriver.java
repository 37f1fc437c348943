package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.KubernetesReads;
import dev.assay.service.environment.ManagedEnvironment;
import dev.assay.service.environment.SetupSteps;
import dev.assay.service.environment.Terminal;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes driver: a namespace per session, fenced in ({@link NamespaceSpecs}), the lab's objects applied
 * with the platform's credentials, and a workbench for the candidate ({@link Workbenches}: a container on the
 * local Docker engine, or a pod on the cluster) holding a kubeconfig with a token of the namespace's
 * {@code candidate} ServiceAccount that lasts as long as the session. Commands, files and terminals are the
 * workbench's; graders read the namespace through {@link KubernetesReads}, with the platform's credentials.
 */
public final class KubernetesEnvironmentDriver implements EnvironmentDriver, KubernetesReads {
    public static final String KIND = "kubernetes";

    private final KubernetesClient api;
    private final KubernetesClient ping;
    private final Workbenches workbenches;
    private final KubeCalls calls;
    private final String instance;

    private KubernetesEnvironmentDriver(
            KubernetesClient api, KubernetesClient ping, Workbenches workbenches, String instance) {
        this.api = api;
        this.ping = ping;
        this.workbenches = workbenches;
        this.calls = new KubeCalls(api);
        this.instance = instance;
    }

    /**
     * Workbenches on the local Docker engine, for a cluster on this machine. {@code api}: a client with the
     * platform's credentials (and deadlines); {@code ping}: the same with a short deadline; {@code docker}: the
     * Docker driver the workbenches run on, with an instance of its own.
     */
    public KubernetesEnvironmentDriver(
            KubernetesClient api, KubernetesClient ping, DockerEnvironmentDriver docker, String instance) {
        this(api, ping, new DockerWorkbenches(docker, apiTarget(api), instance), instance);
    }

    /**
     * Workbenches as pods on the cluster (for an Assay that runs there); {@code podApiServer} is how pods reach
     * the API server (blank: the address it advertises), {@code probeImage} the image of our probe container.
     */
    public static KubernetesEnvironmentDriver withPodWorkbenches(
            KubernetesClient api,
            KubernetesClient ping,
            String instance,
            String probeImage,
            @Nullable String podApiServer) {
        return new KubernetesEnvironmentDriver(
                api, ping, new PodWorkbenches(api, instance, probeImage, podApiServer), instance);
    }

    private static String apiTarget(KubernetesClient api) {
        URI master = URI.create(api.getConfiguration().getMasterUrl());
        return master.getHost() + ":" + (master.getPort() == -1 ? 443 : master.getPort());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public EnvironmentHandle provision(EnvironmentRequest request) {
        ping();
        String namespace = NamespaceSpecs.name(instance, request.sessionId());
        EnvironmentHandle handle = new EnvironmentHandle(KIND, namespace, request.sessionId());
        Optional<Namespace> existing = call("read namespace " + namespace, () -> namespace(namespace));
        if (existing.isPresent() && !instance.equals(labels(existing.get()).get(NamespaceSpecs.INSTANCE))) {
            throw new EnvironmentException("a namespace named " + namespace + " exists but is not one of this"
                    + " installation's (instance " + instance + "); remove it, or give each installation its own"
                    + " environments.instance");
        }
        if (existing.isPresent() && status(handle) == EnvironmentStatus.RUNNING) {
            return handle;
        }
        if (existing.isPresent()) {
            destroy(handle);
        }
        try {
            createNamespace(request, namespace);
            applyObjects(request, namespace);
            workbench(request, namespace);
            SetupSteps.run(this, handle, request.setup());
            return handle;
        } catch (RuntimeException e) {
            try {
                destroy(handle);
            } catch (EnvironmentException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void createNamespace(EnvironmentRequest request, String namespace) {
        call("create namespace " + namespace, () -> {
            api.namespaces()
                    .resource(NamespaceSpecs.namespace(instance, request))
                    .create();
            for (HasMetadata fence : NamespaceSpecs.fences(request, namespace)) {
                fence.getMetadata().setNamespace(namespace);
                api.resource(fence).inNamespace(namespace).create();
            }
            return namespace;
        });
    }

    /** The lab's objects, each put in the session's namespace; a cluster-scoped one is refused. */
    private void applyObjects(EnvironmentRequest request, String namespace) {
        for (String document : request.kubernetes().objects()) {
            List<HasMetadata> objects;
            try {
                objects = api.load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))
                        .items();
            } catch (RuntimeException e) {
                throw new EnvironmentException.SetupFailed(
                        "the lab's Kubernetes objects are not valid YAML objects: " + e.getMessage());
            }
            for (HasMetadata object : objects) {
                String what = object.getKind() + " " + object.getMetadata().getName();
                if (object.getMetadata().getNamespace() != null
                        && !namespace.equals(object.getMetadata().getNamespace())) {
                    object.getMetadata().setNamespace(namespace);
                }
                try {
                    call(
                            "apply " + what,
                            () -> api.resource(object).inNamespace(namespace).create());
                } catch (EnvironmentException.EngineUnavailable e) {
                    throw e;
                } catch (EnvironmentException e) {
                    throw new EnvironmentException.SetupFailed(
                            "the lab's object " + what + " was refused: " + e.getMessage());
                }
            }
        }
    }

    /** The workbench, with a kubeconfig holding a token of the namespace's candidate for the session's length. */
    private void workbench(EnvironmentRequest request, String namespace) {
        long seconds = Math.max(
                600, Duration.between(Instant.now(), request.expiresAt()).toSeconds());
        String token = call(
                "request a token for the candidate in " + namespace,
                () -> api.serviceAccounts()
                        .inNamespace(namespace)
                        .withName(NamespaceSpecs.CANDIDATE)
                        .tokenRequest(new TokenRequestBuilder()
                                .withNewSpec()
                                .withExpirationSeconds(seconds)
                                .endSpec()
                                .build())
                        .getStatus()
                        .getToken());
        byte[] kubeconfig = Kubeconfig.candidate(caPem(), workbenches.apiServer(), namespace, token)
                .getBytes(StandardCharsets.UTF_8);
        workbenches.create(request, namespace, kubeconfig);
    }

    private String caPem() {
        Config config = api.getConfiguration();
        try {
            if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
                return new String(
                        java.util.Base64.getDecoder()
                                .decode(config.getCaCertData().trim()),
                        StandardCharsets.UTF_8);
            }
            if (config.getCaCertFile() != null) {
                return java.nio.file.Files.readString(java.nio.file.Path.of(config.getCaCertFile()));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new EnvironmentException("cannot read the API server's CA certificate: " + e.getMessage(), e);
        }
        throw new EnvironmentException(
                "the kubeconfig names no CA certificate for the API server; the candidate's kubectl needs one");
    }

    @Override
    public ExecResult exec(EnvironmentHandle handle, ExecRequest request) {
        return workbenches.exec(handle.sessionId(), request);
    }

    @Override
    public Probe openProbe(EnvironmentHandle handle, Duration lifetime) {
        return workbenches.openProbe(handle.sessionId(), lifetime);
    }

    @Override
    public ExecResult sandbox(EnvironmentHandle handle, String image, Map<String, byte[]> files, ExecRequest request) {
        return workbenches.sandbox(handle.sessionId(), image, files, request);
    }

    @Override
    public Terminal openTerminal(EnvironmentHandle handle, Terminal.Request request, Terminal.Listener listener) {
        return workbenches.openTerminal(handle.sessionId(), request, listener);
    }

    @Override
    public FileRead readFile(EnvironmentHandle handle, String path, long maxBytes) {
        return workbenches.readFile(handle.sessionId(), path, maxBytes);
    }

    @Override
    public FileRead readTree(EnvironmentHandle handle, String path, long maxBytes) {
        return workbenches.readTree(handle.sessionId(), path, maxBytes);
    }

    /** Running when the namespace is active and the workbench runs; gone when the namespace is (being) deleted. */
    @Override
    public EnvironmentStatus status(EnvironmentHandle handle) {
        Optional<Namespace> namespace =
                call("read namespace " + handle.externalId(), () -> namespace(handle.externalId()));
        if (namespace.isEmpty() || namespace.get().getMetadata().getDeletionTimestamp() != null) {
            return EnvironmentStatus.GONE;
        }
        return workbenches.running(handle.sessionId()) ? EnvironmentStatus.RUNNING : EnvironmentStatus.STOPPED;
    }

    /** Deletes the namespace (the API server removes what is in it) and the workbench with its forwarder. */
    @Override
    public void destroy(EnvironmentHandle handle) {
        if (!KIND.equals(handle.kind())) {
            workbenches.removeOther(handle); // a probe or sandbox listed by listManaged
            return;
        }
        call(
                "delete namespace " + handle.externalId(),
                () -> api.namespaces().withName(handle.externalId()).delete());
        if (!handle.sessionId().isEmpty()) {
            workbenches.remove(handle.sessionId());
        }
    }

    /**
     * The namespaces of this installation that are not being deleted, and the workbenches, forwarders, probes
     * and sandboxes left without one (a service that stopped half-way): all that the reaper may need to remove.
     */
    @Override
    public List<ManagedEnvironment> listManaged() {
        List<Namespace> namespaces = call(
                "list namespaces",
                () -> api.namespaces()
                        .withLabel(NamespaceSpecs.MANAGED, "true")
                        .withLabel(NamespaceSpecs.INSTANCE, instance)
                        .withoutLabel(PodSpecs.PART)
                        .list()
                        .getItems());
        Map<String, ManagedEnvironment> sessions = new LinkedHashMap<>();
        for (Namespace namespace : namespaces) {
            if (namespace.getMetadata().getDeletionTimestamp() == null) {
                ManagedEnvironment environment = managed(namespace);
                sessions.put(environment.handle().sessionId(), environment);
            }
        }
        List<ManagedEnvironment> managed = new ArrayList<>(sessions.values());
        managed.addAll(workbenches.leftovers(sessions.keySet()));
        return managed;
    }

    private ManagedEnvironment managed(Namespace namespace) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations() == null
                ? Map.of()
                : namespace.getMetadata().getAnnotations();
        Instant expires;
        try {
            expires = Instant.parse(annotations.getOrDefault(NamespaceSpecs.EXPIRES_AT, ""));
        } catch (java.time.format.DateTimeParseException e) {
            expires = Instant.EPOCH; // a managed namespace with a broken expiry is overdue
        }
        String session = annotations.getOrDefault(
                NamespaceSpecs.SESSION_ID, labels(namespace).getOrDefault(NamespaceSpecs.SESSION, ""));
        EnvironmentHandle handle =
                new EnvironmentHandle(KIND, namespace.getMetadata().getName(), session);
        Instant created = namespace.getMetadata().getCreationTimestamp() == null
                ? Instant.EPOCH
                : Instant.parse(namespace.getMetadata().getCreationTimestamp());
        return new ManagedEnvironment(
                handle,
                labels(namespace).getOrDefault(NamespaceSpecs.LAB, ""),
                created,
                expires,
                workbenches.running(session) ? EnvironmentStatus.RUNNING : EnvironmentStatus.STOPPED);
    }

    @Override
    public List<String> kubernetesObjects(
            EnvironmentHandle handle, String apiVersion, String kind, @Nullable String name) {
        return call("read " + kind + " objects in " + handle.externalId(), () -> {
            ResourceDefinitionContext context = resource(apiVersion, kind);
            var resources = api.genericKubernetesResources(context);
            var scoped = context.isNamespaceScoped() ? resources.inNamespace(handle.externalId()) : resources;
            List<GenericKubernetesResource> found = new ArrayList<>();
            if (name == null) {
                found.addAll(scoped.list().getItems());
            } else {
                GenericKubernetesResource one = scoped.withName(name).get();
                if (one != null) {
                    found.add(one);
                }
            }
            return found.stream().map(Serialization::asJson).toList();
        });
    }

    private ResourceDefinitionContext resource(String apiVersion, String kind) {
        var list = api.getApiResources(apiVersion);
        if (list == null) {
            throw new EnvironmentException("the API server serves no " + apiVersion);
        }
        return list.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst()
                .map(r -> new ResourceDefinitionContext.Builder()
                        .withGroup(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "")
                        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
                        .withKind(kind)
                        .withPlural(r.getName())
                        .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
                        .build())
                .orElseThrow(
                        () -> new EnvironmentException("the API server serves no kind " + kind + " in " + apiVersion));
    }

    @Override
    public boolean kubernetesAllows(
            EnvironmentHandle handle,
            String subject,
            String verb,
            String apiGroup,
            String resource,
            @Nullable String name) {
        String namespace = handle.externalId();
        String[] parts = subject.split(":", 2);
        SubjectAccessReviewBuilder review = new SubjectAccessReviewBuilder();
        var spec = review.withNewSpec();
        switch (parts[0]) {
            case "ServiceAccount" ->
                spec.withUser("system:serviceaccount:" + namespace + ":" + parts[1])
                        .withGroups(
                                "system:serviceaccounts",
                                "system:serviceaccounts:" + namespace,
                                "system:authenticated");
            case "User" -> spec.withUser(parts[1]).withGroups("system:authenticated");
            case "Group" -> spec.withGroups(parts[1]);
            default ->
                throw new IllegalArgumentException("subject " + subject + " is not ServiceAccount:, User: or Group:");
        }
        String[] path = resource.split("/", 2);
        spec.withNewResourceAttributes()
                .withNamespace(namespace)
                .withVerb(verb)
                .withGroup(apiGroup)
                .withResource(path[0])
                .withSubresource(path.length > 1 ? path[1] : null)
                .withName(name)
                .endResourceAttributes()
                .endSpec();
        SubjectAccessReview asked = review.build();
        return call(
                "ask the API server whether " + subject + " may " + verb + " " + resource
                        + (name == null ? "" : " " + name),
                () -> Boolean.TRUE.equals(api.authorization()
                        .v1()
                        .subjectAccessReview()
                        .create(asked)
                        .getStatus()
                        .getAllowed()));
    }

    private Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(api.namespaces().withName(name).get());
    }

    private static Map<String, String> labels(Namespace namespace) {
        return namespace.getMetadata().getLabels() == null
                ? Map.of()
                : namespace.getMetadata().getLabels();
    }

    /** Throws {@link EnvironmentException.EngineUnavailable} unless the API server answers /readyz promptly. */
    private void ping() {
        try {
            String ready = ping.raw("/readyz");
            if (ready == null || !ready.trim().equals("ok")) {
                throw new EnvironmentException.EngineUnavailable(
                        "the Kubernetes API server at " + api.getMasterUrl() + " is not ready (/readyz: " + ready + ")",
                        null);
            }
        } catch (EnvironmentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EnvironmentException.EngineUnavailable(
                    "the Kubernetes API server at " + api.getMasterUrl()
                            + " did not answer (" + e.getMessage() + "). Start it (./assay cluster up) or check"
                            + " environments.kubernetes.kubeconfig.",
                    e);
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        return calls.call(what, action);
    }

    @Override
    public void close() {
        api.close();
        ping.close();
        workbenches.close();
    }
}
