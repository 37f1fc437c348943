package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What a container of a workload really runs and how it is watched, worked out as the kubelet would set it up,
 * so that a stand-in command, a fake probe or a hard-coded setting does not pass for the planted workload:
 * {@code runs} (the program and the script file its command and args give, the script read from the ConfigMap
 * that path is mounted from), {@code healthProbes} (readiness and liveness ask the health path on the container's
 * port, by number or by name) and {@code envSource} (where a variable's value comes from, env over envFrom).
 */
final class KubeWorkload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabView lab;
    private final List<JsonNode> objects;

    KubeWorkload(LabView lab, List<JsonNode> objects) {
        this.lab = lab;
        this.objects = objects;
    }

    static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        need(values, "runs", List.of("container", "program", "sha256"), problems);
        need(values, "healthProbes", List.of("container", "path", "port"), problems);
        need(values, "envSource", List.of("container", "name", "configMap"), problems);
        return problems;
    }

    private static void need(Map<String, Object> values, String parameter, List<String> keys, List<Problem> out) {
        if (values.get(parameter) instanceof Map<?, ?> map && !map.keySet().containsAll(keys)) {
            out.add(new Problem(parameter, "needs the keys " + keys));
        }
    }

    /** Adds the rules asked for; existence alone then earns no share (KubeRules counts it when nothing else is). */
    void addTo(Map<String, String> results, Map<String, Object> parameters) {
        Map<String, String> own = apply(parameters);
        if (!own.isEmpty() && "".equals(results.get("exists"))) {
            results.remove("exists");
        }
        results.putAll(own);
    }

    /** The rules asked for, on every object read (none when there is none: the check fails on existence). */
    Map<String, String> apply(Map<String, Object> parameters) {
        Map<String, String> results = new LinkedHashMap<>();
        if (objects.isEmpty()) {
            return results;
        }
        if (parameters.get("runs") instanceof Map<?, ?> runs) {
            results.put("runs the planted code", every(runs, new KubeScript(this)::judge));
        }
        if (parameters.get("healthProbes") instanceof Map<?, ?> probes) {
            results.put("health probes", every(probes, KubeWorkload::probes));
        }
        if (parameters.get("envSource") instanceof Map<?, ?> env) {
            results.put("env " + env.get("name") + " from ConfigMap " + env.get("configMap"), every(env, this::env));
        }
        return results;
    }

    private String every(Map<?, ?> rule, BiFunction<Map<?, ?>, Container, String> judge) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode object : objects) {
            JsonNode spec = podSpec(object);
            String name = String.valueOf(rule.get("container"));
            JsonNode container = null;
            for (JsonNode candidate : spec.path("containers")) {
                if (candidate.path("name").asText().equals(name)) {
                    container = candidate;
                }
            }
            String failure =
                    container == null ? "no container " + name : judge.apply(rule, new Container(spec, container));
            if (!failure.isEmpty()) {
                wrong.add(object.path("metadata").path("name").asText() + ": " + failure);
            }
        }
        return String.join("; ", wrong);
    }

    /** A container with the pod spec it belongs to (its volumes). */
    record Container(JsonNode spec, JsonNode container) {}

    private static String probes(Map<?, ?> rule, Container container) {
        List<String> wrong = new ArrayList<>();
        for (String kind : List.of("readinessProbe", "livenessProbe")) {
            JsonNode probe = container.container().path(kind);
            JsonNode get = probe.path("httpGet");
            if (probe.isMissingNode() || probe.isNull()) {
                wrong.add("no " + kind);
            } else if (!get.isObject()) {
                String handler = List.of("exec", "tcpSocket", "grpc").stream()
                        .filter(probe::has)
                        .findFirst()
                        .orElse("handler-less");
                wrong.add(kind + " is not an HTTP GET of the health path (" + handler
                        + " probes are not judged: whether they test the worker's health cannot be told)");
            } else {
                String failure = httpGet(rule, container.container(), get);
                if (!failure.isEmpty()) {
                    wrong.add(kind + " " + failure);
                }
            }
        }
        return String.join(", ", wrong);
    }

    private static String httpGet(Map<?, ?> rule, JsonNode container, JsonNode get) {
        String path = String.valueOf(rule.get("path"));
        if (!get.path("path").asText("/").equals(path)) {
            return "asks " + get.path("path").asText("/") + ", not " + path;
        }
        if (!get.path("host").asText("").isEmpty()) {
            return "asks host " + get.path("host").asText() + ", not the pod";
        }
        if (!get.path("scheme").asText("HTTP").equals("HTTP")) {
            return "uses " + get.path("scheme").asText() + ", the worker speaks HTTP";
        }
        JsonNode port = get.path("port");
        String number = port.isInt() || port.asText().matches("\\d+") ? port.asText() : "";
        for (JsonNode declared : container.path("ports")) {
            if (!port.isInt()
                    && !port.asText().isEmpty()
                    && declared.path("name").asText().equals(port.asText())) {
                number = declared.path("containerPort").asText();
            }
        }
        String wanted = String.valueOf(rule.get("port"));
        return number.equals(wanted)
                ? ""
                : "asks port " + KubePath.text(port) + (number.isEmpty() ? " (no such port)" : "") + ", not " + wanted;
    }

    /** Where the variable's value comes from, as the kubelet resolves it: env (the last entry) over envFrom. */
    private String env(Map<?, ?> rule, Container container) {
        String name = String.valueOf(rule.get("name"));
        String configMap = String.valueOf(rule.get("configMap"));
        JsonNode entry = null;
        for (JsonNode candidate : container.container().path("env")) {
            if (candidate.path("name").asText().equals(name)) {
                entry = candidate;
            }
        }
        if (entry != null) {
            JsonNode ref = entry.path("valueFrom").path("configMapKeyRef");
            if (!ref.isObject()) {
                return name + (entry.has("value") ? " is a literal in the manifest" : " comes from another source")
                        + ", not from ConfigMap " + configMap;
            }
            String key = ref.path("key").asText();
            if (!ref.path("name").asText().equals(configMap)) {
                return name + " comes from ConfigMap " + ref.path("name").asText() + ", not " + configMap;
            }
            return keys(configMap, "ConfigMap").contains(key)
                    ? ""
                    : name + " takes key " + key + ", which ConfigMap " + configMap + " does not have";
        }
        String source = "";
        for (JsonNode from : container.container().path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            boolean isMap = from.has("configMapRef");
            JsonNode ref = isMap ? from.path("configMapRef") : from.path("secretRef");
            String refName = ref.path("name").asText();
            if (keys(refName, isMap ? "ConfigMap" : "Secret").stream().anyMatch(key -> (prefix + key).equals(name))) {
                source = (isMap ? "ConfigMap " : "Secret ") + refName;
            }
        }
        return source.equals("ConfigMap " + configMap)
                ? ""
                : name + (source.isEmpty() ? " is not set" : " comes from " + source) + ", not from ConfigMap "
                        + configMap;
    }

    /** The keys of a ConfigMap or Secret in the namespace (never its values); none when it does not exist. */
    List<String> keys(String name, String kind) {
        List<String> keys = new ArrayList<>();
        for (JsonNode object : read(kind, name)) {
            for (String field : List.of("data", "binaryData")) {
                object.path(field).fieldNames().forEachRemaining(keys::add);
            }
        }
        return keys;
    }

    List<JsonNode> read(String kind, @Nullable String name) {
        return read(kind, name, "v1");
    }

    List<JsonNode> read(String kind, @Nullable String name, String apiVersion) {
        List<JsonNode> found = new ArrayList<>();
        for (String document : lab.kubernetesObjects(apiVersion, kind, name)) {
            try {
                found.add(JSON.readTree(document));
            } catch (IOException e) {
                throw new dev.assay.grading.LabUnavailableException(
                        "the API server sent an object that is not JSON", e);
            }
        }
        return found;
    }

    static JsonNode podSpec(JsonNode object) {
        JsonNode spec = object.path("spec");
        return switch (object.path("kind").asText()) {
            case "Pod" -> spec;
            case "CronJob" ->
                spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    static @Nullable JsonNode first(List<JsonNode> nodes) {
        return nodes.isEmpty() ? null : nodes.get(0);
    }
}
