package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentRequest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of a pod workbench's objects, in a namespace of its own next to the session's (the candidate has
 * no rights there, so they can neither exec into our probe nor delete their own terminal): the namespace, a
 * deny-all policy with one way out for the workbench (the API server), the kubeconfig secret, the pod (the lab's
 * image as {@code workbench}, our tools as {@code probe}, sharing the network and the candidate's home) and
 * sandbox pods.
 */
final class PodSpecs {
    static final String PART = "assay.dev/part";
    static final String ROLE = "assay.dev/role";
    static final String POD = "workbench";
    static final String WORKBENCH = "workbench";
    static final String PROBE = "probe";
    /** Where the probe container sees the candidate's home (/root in the workbench). */
    static final String PROBE_HOME = "/mnt/home";

    static final long CANDIDATE_UID = 1000;

    private PodSpecs() {}

    /** {@code <instance>-wb-<session>}, or hashed like the session's namespace when that does not fit. */
    static String namespace(String instance, String sessionId) {
        return NamespaceSpecs.name(instance + "-wb", sessionId, "-w");
    }

    static Namespace benchNamespace(String instance, EnvironmentRequest request) {
        Namespace namespace = NamespaceSpecs.namespace(instance, request);
        namespace.getMetadata().setName(namespace(instance, request.sessionId()));
        namespace.getMetadata().getLabels().put(PART, WORKBENCH);
        return namespace;
    }

    /** Nothing in or out, but the workbench's connections to the API server's endpoints. */
    static List<NetworkPolicy> policies(List<String> apiAddresses, int apiPort) {
        NetworkPolicy deny = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("assay-deny-all")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build();
        NetworkPolicy api = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("assay-workbench-to-api")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Map.of(ROLE, WORKBENCH))
                .endPodSelector()
                .withPolicyTypes("Egress")
                .addNewEgress()
                .withTo(apiAddresses.stream()
                        .map(ip -> new NetworkPolicyPeerBuilder()
                                .withNewIpBlock()
                                .withCidr(ip + (ip.contains(":") ? "/128" : "/32"))
                                .endIpBlock()
                                .build())
                        .toList())
                .withPorts(new NetworkPolicyPortBuilder()
                        .withProtocol("TCP")
                        .withNewPort(apiPort)
                        .build())
                .endEgress()
                .endSpec()
                .build();
        return List.of(deny, api);
    }

    static Secret kubeconfig(byte[] kubeconfig) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("candidate-kubeconfig")
                .endMetadata()
                .withData(Map.of("config", Base64.getEncoder().encodeToString(kubeconfig)))
                .build();
    }

    /**
     * The workbench pod: the candidate's uid 1000, no capabilities, the API server reachable, the kubeconfig copied
     * into a writable ~/.kube; the probe runs our image as the same uid (to read every file the candidate owns) in
     * its own process namespace, with the candidate's home read-only.
     */
    static Pod workbench(String session, EnvironmentRequest request, String probeImage) {
        String disk = Long.toString(disk(request));
        Container workbench = workbenchContainer(request);
        Container probe = probeContainer(probeImage);
        return new PodBuilder()
                .withNewMetadata()
                .withName(POD)
                .withLabels(labels(session, WORKBENCH))
                .endMetadata()
                .withNewSpec()
                .withContainers(workbench, probe)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withRestartPolicy("Always")
                .withTerminationGracePeriodSeconds(1L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(CANDIDATE_UID)
                .withRunAsGroup(CANDIDATE_UID)
                .withFsGroup(CANDIDATE_UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewVolume()
                .withName("home")
                .withNewEmptyDir()
                .withSizeLimit(new Quantity(disk))
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .withSizeLimit(new Quantity(disk))
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("kubeconfig")
                .withNewSecret()
                .withSecretName("candidate-kubeconfig")
                .withDefaultMode(0400)
                .endSecret()
                .endVolume()
                .endSpec()
                .build();
    }

    /**
     * The kubelet's measure of a container's writable layer, logs and emptyDir volumes: a pod past the sum of its
     * containers' limits is evicted, so the lab's declared disk holds on the node as the disk watch holds it on
     * Docker.
     */
    static final String EPHEMERAL_STORAGE = "ephemeral-storage";

    /** The workbench's share of the node's disk: the lab's declared disk (at least 64 MiB to start in). */
    static long disk(EnvironmentRequest request) {
        return Math.max(request.limits().scratchBytes(), 64L << 20);
    }

    private static Container workbenchContainer(EnvironmentRequest request) {
        return hardened(new ContainerBuilder()
                        .withName(WORKBENCH)
                        .withImage(request.image())
                        .withCommand(
                                "sh",
                                "-c",
                                "mkdir -p /root/.kube && cp /etc/assay/kube/config /root/.kube/config"
                                        + " && chmod 600 /root/.kube/config && exec sleep infinity")
                        .addNewEnv()
                        .withName("HOME")
                        .withValue("/root")
                        .endEnv()
                        .withVolumeMounts(
                                mount("home", "/root", false),
                                mount("tmp", "/tmp", false),
                                mount("kubeconfig", "/etc/assay/kube", true))
                        .withNewResources()
                        .withLimits(Map.of(
                                "cpu",
                                        new Quantity(
                                                Double.toString(request.limits().cpus())),
                                "memory",
                                        new Quantity(
                                                Long.toString(request.limits().memoryBytes()))))
                        .addToLimits(EPHEMERAL_STORAGE, new Quantity(Long.toString(disk(request))))
                        .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("32Mi")))
                        .addToRequests(EPHEMERAL_STORAGE, new Quantity(Long.toString(disk(request))))
                        .endResources())
                .build();
    }

    private static Container probeContainer(String probeImage) {
        return hardened(new ContainerBuilder()
                        .withName(PROBE)
                        .withImage(probeImage)
                        .withCommand("/bin/busybox", "sleep", "2147483647")
                        .withVolumeMounts(mount("home", PROBE_HOME, true))
                        .withNewResources()
                        .withLimits(Map.of(
                                "cpu",
                                new Quantity("250m"),
                                "memory",
                                new Quantity("64Mi"),
                                EPHEMERAL_STORAGE,
                                new Quantity("64Mi")))
                        .withRequests(Map.of(
                                "cpu",
                                new Quantity("10m"),
                                "memory",
                                new Quantity("16Mi"),
                                EPHEMERAL_STORAGE,
                                new Quantity("16Mi")))
                        .endResources())
                .build();
    }

    /** Files for a sandbox, one key each (ConfigMap keys cannot hold a '/'; the items put them back in place). */
    static ConfigMap sandboxFiles(String name, Map<String, byte[]> files) {
        Map<String, String> data = new LinkedHashMap<>();
        int i = 0;
        for (byte[] bytes : files.values()) {
            data.put("f" + i++, Base64.getEncoder().encodeToString(bytes));
        }
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withBinaryData(data)
                .build();
    }

    /** A pod of {@code image} that waits (at most {@code seconds}) for the command the driver execs in it. */
    static Pod sandbox(String session, String name, String image, Map<String, byte[]> files, long seconds) {
        List<KeyToPath> items = new ArrayList<>();
        int i = 0;
        for (String path : files.keySet()) {
            items.add(new KeyToPathBuilder()
                    .withKey("f" + i++)
                    .withPath(path)
                    .withMode(0444)
                    .build());
        }
        Container container = hardened(new ContainerBuilder()
                        .withName("sandbox")
                        .withImage(image)
                        .withCommand("sleep", Long.toString(seconds))
                        .withWorkingDir("/sandbox")
                        .withVolumeMounts(mount("files", "/sandbox", true))
                        .withNewResources()
                        .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("256Mi")))
                        .endResources())
                .build();
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels(session, "sandbox"))
                .endMetadata()
                .withNewSpec()
                .withContainers(container)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(0L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(CANDIDATE_UID)
                .withRunAsGroup(CANDIDATE_UID)
                .endSecurityContext()
                .addNewVolume()
                .withName("files")
                .withNewConfigMap()
                .withName(name)
                .withItems(items)
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build();
    }

    private static ContainerBuilder hardened(ContainerBuilder container) {
        return container
                .withImagePullPolicy("IfNotPresent")
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext();
    }

    private static VolumeMount mount(String volume, String path, boolean readOnly) {
        VolumeMount mount = new VolumeMount();
        mount.setName(volume);
        mount.setMountPath(path);
        mount.setReadOnly(readOnly);
        return mount;
    }

    private static Map<String, String> labels(String session, String role) {
        return Map.of(
                NamespaceSpecs.MANAGED,
                "true",
                NamespaceSpecs.SESSION,
                NamespaceSpecs.sessionLabel(session),
                ROLE,
                role);
    }
}
