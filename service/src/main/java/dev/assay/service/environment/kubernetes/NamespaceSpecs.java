package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The namespace a Kubernetes lab session gets, as pure data: its name, labels and the objects that fence it in
 * (quota, default limits, network policies, the candidate's ServiceAccount and what it may do). No call to the
 * API server here, so every setting can be read (and tested) in one place.
 */
final class NamespaceSpecs {
    static final String MANAGED = "assay.dev/managed";
    static final String INSTANCE = "assay.dev/instance";
    static final String SESSION = "assay.dev/session";
    static final String LAB = "assay.dev/lab";
    static final String LAB_VERSION = "assay.dev/lab-version";
    /** An annotation: label values cannot hold a timestamp's colons. */
    static final String EXPIRES_AT = "assay.dev/expires-at";
    /** The session id as given (labels hold at most 63 characters of a narrower alphabet). */
    static final String SESSION_ID = "assay.dev/session-id";

    /** The candidate's ServiceAccount, and the Role and RoleBinding that say what it may do. */
    static final String CANDIDATE = "candidate";

    static final String PLATFORM = "assay-";

    private static final List<String> ALL_VERBS =
            List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");
    private static final List<String> READ = List.of("get", "list", "watch");

    private NamespaceSpecs() {}

    /**
     * {@code <instance>-<session>} when that is a DNS label of at most 63 characters, else the instance (cut to
     * 40) and a hash of the session: two installations sharing a cluster never meet by name.
     */
    static String name(String instance, String sessionId) {
        return name(instance, sessionId, "-s");
    }

    /** {@code <instance>-<session>} when that is a valid name, else a prefix, {@code tag} and a hash. */
    static String name(String instance, String sessionId, String tag) {
        String plain = (instance + "-" + sessionId).toLowerCase(Locale.ROOT);
        if (plain.length() <= 63
                && plain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")
                && plain.equals(instance + "-" + sessionId)) {
            return plain;
        }
        String prefix = instance.length() > 40 ? instance.substring(0, 40) : instance;
        return prefix + tag + sha256(sessionId).substring(0, 16);
    }

    /** Label values are at most 63 characters of [A-Za-z0-9_.-]; longer session ids are hashed. */
    static String sessionLabel(String sessionId) {
        return sessionId.length() <= 63 ? sessionId : sha256(sessionId).substring(0, 63);
    }

    static Namespace namespace(String instance, EnvironmentRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(INSTANCE, instance);
        labels.put(SESSION, sessionLabel(request.sessionId()));
        labels.put(LAB, label(request.labId()));
        labels.put(LAB_VERSION, label(request.labVersion()));
        // Pod Security Admission (1.23+) enforces these; on 1.20 the test cluster's PodSecurityPolicy does.
        labels.put("pod-security.kubernetes.io/enforce", "restricted");
        labels.put("pod-security.kubernetes.io/warn", "restricted");
        labels.put("pod-security.kubernetes.io/audit", "restricted");
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name(instance, request.sessionId()))
                .withLabels(labels)
                .withAnnotations(Map.of(EXPIRES_AT, request.expiresAt().toString(), SESSION_ID, request.sessionId()))
                .endMetadata()
                .build();
    }

    static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    private static final Quantity SMALL_DISK = new Quantity("16Mi");

    /** What the namespace holds at most: no NodePort or LoadBalancer services, no volumes claimed. */
    static ResourceQuota quota() {
        Map<String, Quantity> hard = new LinkedHashMap<>();
        hard.put("pods", new Quantity("20"));
        hard.put("requests.cpu", new Quantity("2"));
        hard.put("requests.memory", new Quantity("2Gi"));
        hard.put("limits.cpu", new Quantity("4"));
        hard.put("limits.memory", new Quantity("4Gi"));
        hard.put("services", new Quantity("10"));
        hard.put("services.nodeports", new Quantity("0"));
        hard.put("services.loadbalancers", new Quantity("0"));
        hard.put("persistentvolumeclaims", new Quantity("0"));
        hard.put("configmaps", new Quantity("50"));
        hard.put("secrets", new Quantity("50"));
        hard.put("count/deployments.apps", new Quantity("20"));
        hard.put("count/jobs.batch", new Quantity("20"));
        return new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(PLATFORM + "quota")
                .endMetadata()
                .withNewSpec()
                .withHard(hard)
                .endSpec()
                .build();
    }

    /**
     * Defaults for containers that state no resources (the quota needs them), and a ceiling per container; the
     * disk a container may write (ephemeral-storage: its writable layer, logs, emptyDirs; the kubelet evicts a pod
     * past it) is the lab's declared disk at most, and by default.
     */
    static LimitRange limits(long diskBytes) {
        Quantity disk = new Quantity(Long.toString(diskBytes));
        return new LimitRangeBuilder()
                .withNewMetadata()
                .withName(PLATFORM + "limits")
                .endMetadata()
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .withDefault(
                        Map.of("cpu", new Quantity("200m"), "memory", new Quantity("128Mi"), EPHEMERAL_STORAGE, disk))
                .withDefaultRequest(Map.of(
                        "cpu", new Quantity("50m"), "memory", new Quantity("64Mi"), EPHEMERAL_STORAGE, SMALL_DISK))
                .withMax(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi"), EPHEMERAL_STORAGE, disk))
                .endLimit()
                .endSpec()
                .build();
    }

    /**
     * Nothing in or out of the namespace's pods but DNS and traffic between its own pods. (Enforced by a network
     * plugin; the single-node test cluster has none, and its pods get no route out of the host either way.)
     */
    static List<NetworkPolicy> networkPolicies() {
        NetworkPolicy deny = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(PLATFORM + "default-deny")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .addNewEgress()
                .addNewPort()
                .withProtocol("UDP")
                .withNewPort(53)
                .endPort()
                .addNewPort()
                .withProtocol("TCP")
                .withNewPort(53)
                .endPort()
                .endEgress()
                .endSpec()
                .build();
        NetworkPolicy sameNamespace = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(PLATFORM + "same-namespace")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .addNewIngress()
                .withFrom(new NetworkPolicyPeerBuilder()
                        .withNewPodSelector()
                        .endPodSelector()
                        .build())
                .endIngress()
                .addNewEgress()
                .withTo(new NetworkPolicyPeerBuilder()
                        .withNewPodSelector()
                        .endPodSelector()
                        .build())
                .endEgress()
                .endSpec()
                .build();
        return List.of(deny, sameNamespace);
    }

    static ServiceAccount serviceAccount() {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(CANDIDATE)
                .endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();
    }

    /**
     * The candidate may run workloads in the namespace and read its fences, but not change them: quotas, limit
     * ranges, network policies and RBAC are read-only unless the lab grants {@code networkpolicies} or
     * {@code rbac}. (RBAC itself stops a candidate with {@code rbac} from granting more than they hold.)
     */
    static Role role(List<String> grants) {
        List<PolicyRule> rules = new ArrayList<>();
        rules.add(rule(
                "",
                List.of(
                        "pods",
                        "pods/log",
                        "pods/exec",
                        "pods/portforward",
                        "pods/attach",
                        "services",
                        "endpoints",
                        "configmaps",
                        "secrets",
                        "serviceaccounts",
                        "persistentvolumeclaims"),
                ALL_VERBS));
        rules.add(rule("", List.of("events", "resourcequotas", "limitranges", "pods/status"), READ));
        rules.add(rule(
                "apps",
                List.of(
                        "deployments",
                        "deployments/scale",
                        "replicasets",
                        "replicasets/scale",
                        "statefulsets",
                        "statefulsets/scale",
                        "daemonsets",
                        "controllerrevisions"),
                ALL_VERBS));
        rules.add(rule("batch", List.of("jobs", "cronjobs"), ALL_VERBS));
        rules.add(rule("autoscaling", List.of("horizontalpodautoscalers"), ALL_VERBS));
        rules.add(rule("policy", List.of("poddisruptionbudgets"), ALL_VERBS));
        rules.add(rule("networking.k8s.io", List.of("ingresses"), ALL_VERBS));
        rules.add(rule(
                "networking.k8s.io",
                List.of("networkpolicies"),
                grants.contains("networkpolicies") ? ALL_VERBS : READ));
        rules.add(rule(
                "rbac.authorization.k8s.io",
                List.of("roles", "rolebindings"),
                grants.contains("rbac") ? ALL_VERBS : READ));
        return new RoleBuilder()
                .withNewMetadata()
                .withName(CANDIDATE)
                .endMetadata()
                .withRules(rules)
                .build();
    }

    static RoleBinding roleBinding(String namespace) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                .withName(CANDIDATE)
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(CANDIDATE)
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(CANDIDATE)
                .withNamespace(namespace)
                .endSubject()
                .build();
    }

    /** Everything the namespace is fenced with, in the order it is created. */
    static List<HasMetadata> fences(EnvironmentRequest request, String namespace) {
        List<HasMetadata> fences = new ArrayList<>();
        fences.add(quota());
        fences.add(limits(request.limits().scratchBytes()));
        fences.addAll(networkPolicies());
        fences.add(serviceAccount());
        fences.add(role(request.kubernetes().grants()));
        fences.add(roleBinding(namespace));
        return fences;
    }

    private static PolicyRule rule(String group, List<String> resources, List<String> verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(group)
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }

    private static String label(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "_");
        cleaned = cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
        return cleaned.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
