package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.CheckResult;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assertions on the Kubernetes objects of a lab's namespace, read with the platform's credentials (the
 * candidate's token plays no part): existence and count, field paths, labels, ready replicas, probes and
 * resource limits of every container, and who may do what, asked of the API server itself
 * (SubjectAccessReview). All rules held pass; some held earn that share.
 */
public final class KubernetesGrader extends BuiltinGrader {
    /** The API version of the kinds labs name most; others give apiVersion. */
    static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Pod", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("ResourceQuota", "v1"),
            Map.entry("LimitRange", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("ClusterRole", "rbac.authorization.k8s.io/v1"),
            Map.entry("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"));

    private static final ObjectMapper JSON = new ObjectMapper();

    public KubernetesGrader() {
        super(
                "kubernetes",
                "2",
                "objects of the lab's namespace read with the platform's credentials: fields, labels, replicas, probes,"
                        + " limits, access",
                KubeParameters.SPEC);
    }

    @Override
    public boolean needsKubernetes() {
        return true;
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        CheckResult.Builder check = CheckResult.builder(true);
        Map<String, String> results = new LinkedHashMap<>();
        if (parameters.containsKey("kind")) {
            String kind = Text.string(parameters, "kind", "");
            String name = parameters.get("name") == null ? null : String.valueOf(parameters.get("name"));
            String apiVersion = Text.string(parameters, "apiVersion", API_VERSIONS.getOrDefault(kind, "v1"));
            Map<?, ?> selector = parameters.get("selector") instanceof Map<?, ?> map ? map : Map.of();
            List<?> ignored = parameters.get("ignore") instanceof List<?> names ? names : List.of();
            List<JsonNode> objects = selected(objects(lab.kubernetesObjects(apiVersion, kind, name)), selector).stream()
                    .filter(object -> !ignored.contains(
                            object.path("metadata").path("name").asText()))
                    .toList();
            check.observe(
                    kind + (name == null ? " objects" : " " + name),
                    objects.isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    objects.stream().map(KubernetesGrader::id).toList()));
            results.putAll(new KubeRules(kind, name, objects).apply(parameters));
            new KubeWorkload(lab, objects).addTo(results, parameters);
            new KubeSelection(lab, objects).addTo(results, parameters);
            if (parameters.get("steadySeconds") instanceof Number seconds && !objects.isEmpty()) {
                results.remove("exists"); // only steadiness was asked: it is the whole check
                results.put("steady", steady(lab, apiVersion, name, selector, objects, seconds.intValue(), check));
            }
        }
        results.putAll(KubeAccess.judge(lab, parameters.get("access")));
        return Rules.verdict(check, results, parameters);
    }

    /** The objects with the selector's labels; pods being deleted (terminating) are on their way out, so left out. */
    private static List<JsonNode> selected(List<JsonNode> objects, Map<?, ?> selector) {
        return objects.stream()
                .filter(object -> !(object.path("kind").asText().equals("Pod")
                        && object.path("metadata").hasNonNull("deletionTimestamp")))
                .filter(object -> selector.entrySet().stream()
                        .allMatch(label -> String.valueOf(label.getValue())
                                .equals(object.path("metadata")
                                        .path("labels")
                                        .path(String.valueOf(label.getKey()))
                                        .asText(null))))
                .toList();
    }

    /**
     * Every pod ready now, and again {@code seconds} later: the same pods (by uid), every container still ready,
     * none restarted in between. What a pod that only looks fixed (a probe that fails a little later, a process
     * that dies after start-up) does not pass.
     */
    private static String steady(
            LabView lab,
            String apiVersion,
            @org.jspecify.annotations.Nullable String name,
            Map<?, ?> selector,
            List<JsonNode> before,
            int seconds,
            CheckResult.Builder check) {
        String notReady = KubeRules.notReady(before);
        if (!notReady.isEmpty()) {
            return notReady;
        }
        java.time.Duration wait = java.time.Duration.ofSeconds(seconds);
        if (lab.timeLeft().compareTo(wait.plusSeconds(5)) < 0) {
            throw new LabUnavailableException(
                    "the check has less than " + (seconds + 5) + " s left to watch the pods for " + seconds + " s",
                    new IllegalStateException("time budget"));
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUnavailableException("interrupted while watching the pods", e);
        }
        List<JsonNode> after = selected(objects(lab.kubernetesObjects(apiVersion, "Pod", name)), selector);
        check.observe(
                "Pods " + seconds + " s later",
                after.isEmpty()
                        ? "none"
                        : String.join(
                                ", ", after.stream().map(KubernetesGrader::id).toList()));
        return KubeRules.steady(before, after, seconds);
    }

    private static List<JsonNode> objects(List<String> documents) {
        List<JsonNode> objects = new ArrayList<>();
        for (String document : documents) {
            try {
                objects.add(JSON.readTree(document));
            } catch (IOException e) {
                throw new LabUnavailableException("the API server sent an object that is not JSON", e);
            }
        }
        return objects;
    }

    /** "web" (resourceVersion 1234): which object, and which state of it, was read. */
    static String id(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return metadata.path("name").asText() + " (resourceVersion "
                + metadata.path("resourceVersion").asText("?") + ")";
    }
}
