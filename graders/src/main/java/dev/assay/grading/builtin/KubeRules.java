package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The kubernetes grader's rules on the objects read: each gives "" when it holds, else what is wrong. */
final class KubeRules {
    private final String kind;
    private final @Nullable String name;
    private final List<JsonNode> objects;

    KubeRules(String kind, @Nullable String name, List<JsonNode> objects) {
        this.kind = kind;
        this.name = name;
        this.objects = objects;
    }

    Map<String, String> apply(Map<String, Object> parameters) {
        Map<String, String> results = new LinkedHashMap<>();
        String what = name == null ? "no " + kind : kind + " " + name;
        if (!Text.flag(parameters, "exists", true)) {
            results.put("absent", objects.isEmpty() ? "" : what.replace("no ", "") + " still exists: " + names());
            return results;
        }
        if (objects.isEmpty()) {
            // nothing to judge: the check fails whole, whatever else it asks
            results.put("exists", what + (name == null ? " exists" : " does not exist"));
            return results;
        }
        if (parameters.get("count") instanceof Number count) {
            results.put(
                    "count",
                    objects.size() >= count.intValue()
                            ? ""
                            : objects.size() + " " + kind + " objects, " + count + " needed");
        }
        if (parameters.get("fields") instanceof Map<?, ?> fields) {
            fields.forEach((path, regex) ->
                    results.put(String.valueOf(path), field(String.valueOf(path), String.valueOf(regex))));
        }
        if (parameters.get("labels") instanceof Map<?, ?> labels) {
            results.put("labels", labels(labels));
        }
        if (parameters.get("readyReplicas") instanceof Number replicas) {
            results.put("readyReplicas", every(object -> {
                int ready = object.path("status").path("readyReplicas").asInt(0);
                return ready >= replicas.intValue() ? "" : ready + " ready, " + replicas + " needed";
            }));
        }
        if (Text.flag(parameters, "probes", false)) {
            results.put("probes", containers(container -> missing(container, "readinessProbe", "livenessProbe")));
        }
        if (Text.flag(parameters, "limits", false)) {
            results.put(
                    "limits",
                    containers(container -> missing(
                            container,
                            "resources.requests.cpu",
                            "resources.requests.memory",
                            "resources.limits.cpu",
                            "resources.limits.memory")));
        }
        if (parameters.get("probeTargets") instanceof Map<?, ?> targets) {
            results.put("probeTargets", containers(container -> KubeSemantics.probeTargets(container, targets)));
        }
        if (parameters.get("selects") instanceof List<?> rows) {
            results.put("selects", every(object -> KubeSemantics.selects(object, rows)));
        }
        if (parameters.get("ingress") instanceof List<?> rows) {
            results.putAll(KubeSemantics.ingress(objects, rows));
        }
        if (results.isEmpty()) {
            results.put("exists", ""); // only existence was asked; the object being there earns no share otherwise
        }
        return results;
    }

    private String names() {
        return String.join(", ", objects.stream().map(KubernetesGrader::id).toList());
    }

    private String field(String path, String regex) {
        Pattern wanted = Pattern.compile(regex);
        boolean secret = kind.equals("Secret");
        return every(object -> {
            List<JsonNode> values = KubePath.at(object, path);
            if (values.isEmpty()) {
                return path + " selects nothing";
            }
            for (JsonNode value : values) {
                String text = KubePath.text(value);
                if (!wanted.matcher(text).matches()) {
                    // A Secret's values are never quoted into a result the candidate or an interviewer reads.
                    return path
                            + (text.isEmpty()
                                    ? " is not set"
                                    : secret ? " does not match" : " is " + Text.excerpt(text));
                }
            }
            return "";
        });
    }

    private String labels(Map<?, ?> labels) {
        return every(object -> {
            List<String> wrong = new ArrayList<>();
            labels.forEach((label, regex) -> {
                JsonNode value = object.path("metadata").path("labels").path(String.valueOf(label));
                if (!Pattern.compile(String.valueOf(regex))
                        .matcher(KubePath.text(value))
                        .matches()) {
                    wrong.add(label + (value.isMissingNode() ? " missing" : "=" + value.asText()));
                }
            });
            return String.join(", ", wrong);
        });
    }

    /** The rule for every object: "" when all hold, else "name: what is wrong" for each that does not. */
    private String every(java.util.function.Function<JsonNode, String> rule) {
        if (objects.isEmpty()) {
            return "no " + kind + " to check";
        }
        List<String> wrong = new ArrayList<>();
        for (JsonNode object : objects) {
            String failure = rule.apply(object);
            if (!failure.isEmpty()) {
                wrong.add(object.path("metadata").path("name").asText() + ": " + failure);
            }
        }
        return String.join("; ", wrong);
    }

    /** The rule for every container of every object's pod template. */
    private String containers(java.util.function.Function<JsonNode, String> rule) {
        return every(object -> {
            JsonNode containers = podSpec(object).path("containers");
            if (!containers.isArray() || containers.isEmpty()) {
                return "no containers";
            }
            List<String> wrong = new ArrayList<>();
            containers.forEach(container -> {
                String failure = rule.apply(container);
                if (!failure.isEmpty()) {
                    wrong.add("container " + container.path("name").asText() + " " + failure);
                }
            });
            return String.join(", ", wrong);
        });
    }

    private static String missing(JsonNode container, String... paths) {
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            if (KubePath.at(container, path).stream()
                    .allMatch(node -> KubePath.text(node).isEmpty())) {
                missing.add(path);
            }
        }
        return missing.isEmpty() ? "" : "lacks " + String.join(", ", missing);
    }

    /** Where a kind keeps its pod spec. */
    private static JsonNode podSpec(JsonNode object) {
        String kind = object.path("kind").asText();
        JsonNode spec = object.path("spec");
        return switch (kind) {
            case "Pod" -> spec;
            case "CronJob" ->
                spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    /** "" when every container of every pod is ready, else which are not (and why, if the pod says). */
    static String notReady(List<JsonNode> pods) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode pod : pods) {
            JsonNode statuses = pod.path("status").path("containerStatuses");
            List<String> waiting = new ArrayList<>();
            if (!statuses.isArray() || statuses.isEmpty()) {
                waiting.add("no container has started ("
                        + pod.path("status").path("phase").asText("?") + ")");
            }
            statuses.forEach(status -> {
                if (!status.path("ready").asBoolean(false)) {
                    String reason =
                            status.path("state").path("waiting").path("reason").asText("");
                    waiting.add(status.path("name").asText() + " not ready"
                            + (reason.isEmpty() ? "" : " (" + reason + ")"));
                }
            });
            if (!waiting.isEmpty()) {
                wrong.add(pod.path("metadata").path("name").asText() + ": " + String.join(", ", waiting));
            }
        }
        return String.join("; ", wrong);
    }

    /** "" when the same pods are all still ready, with no restart, {@code seconds} later. */
    static String steady(List<JsonNode> before, List<JsonNode> after, int seconds) {
        Map<String, JsonNode> later = new LinkedHashMap<>();
        after.forEach(pod -> later.put(pod.path("metadata").path("uid").asText(), pod));
        List<String> wrong = new ArrayList<>();
        for (JsonNode pod : before) {
            String podName = pod.path("metadata").path("name").asText();
            JsonNode again = later.get(pod.path("metadata").path("uid").asText());
            if (again == null) {
                wrong.add(podName + " is gone " + seconds + " s later");
                continue;
            }
            int restarts = restarts(again) - restarts(pod);
            if (restarts > 0) {
                wrong.add(podName + " restarted " + restarts + " time(s) within " + seconds + " s");
            }
            String notReady = notReady(List.of(again));
            if (!notReady.isEmpty()) {
                wrong.add(notReady + " " + seconds + " s later");
            }
        }
        return String.join("; ", wrong);
    }

    private static int restarts(JsonNode pod) {
        int total = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            total += status.path("restartCount").asInt(0);
        }
        return total;
    }
}
