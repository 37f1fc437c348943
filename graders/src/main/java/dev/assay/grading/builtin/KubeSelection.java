package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pods a Service reaches, judged by label selection as Kubernetes does it rather than by the selector's text:
 * {@code selectsPodsOf} (a Service's selector matches every pod the Deployment's template makes, and no live pod
 * that is not the Deployment's) and {@code endpointsFor} (an Endpoints object's ready addresses are the
 * Deployment's live pods that its Service's selector matches, by reference and IP, at least {@code ready} of
 * them, on {@code port}; hand-written Endpoints of a Service without a selector do not count).
 */
final class KubeSelection {
    private final KubeWorkload reader;
    private final List<JsonNode> objects;

    KubeSelection(LabView lab, List<JsonNode> objects) {
        this.reader = new KubeWorkload(lab, objects);
        this.objects = objects;
    }

    static List<Problem> problems(Map<String, Object> values) {
        if (values.get("endpointsFor") instanceof Map<?, ?> map
                && (!map.keySet().containsAll(List.of("deployment", "port", "ready"))
                        || !String.valueOf(map.get("ready")).matches("\\d{1,4}"))) {
            return List.of(new Problem("endpointsFor", "needs the keys [deployment, port, ready] (ready: a count)"));
        }
        return List.of();
    }

    void addTo(Map<String, String> results, Map<String, Object> parameters) {
        Map<String, String> own = new LinkedHashMap<>();
        if (!objects.isEmpty() && parameters.get("selectsPodsOf") instanceof String deployment) {
            own.put("selects the pods of " + deployment, every(object -> selects(object, deployment)));
        }
        if (!objects.isEmpty() && parameters.get("endpointsFor") instanceof Map<?, ?> rule) {
            String deployment = String.valueOf(rule.get("deployment"));
            own.put("ready endpoints are pods of " + deployment, every(object -> addresses(object, rule)));
            own.put("endpoints on port " + rule.get("port"), every(object -> port(object, rule)));
        }
        if (!own.isEmpty() && "".equals(results.get("exists"))) {
            results.remove("exists");
        }
        results.putAll(own);
    }

    private String every(java.util.function.Function<JsonNode, String> rule) {
        List<String> wrong = new ArrayList<>();
        for (JsonNode object : objects) {
            String failure = rule.apply(object);
            if (!failure.isEmpty()) {
                wrong.add(object.path("metadata").path("name").asText() + ": " + failure);
            }
        }
        return String.join("; ", wrong);
    }

    private String selects(JsonNode service, String deployment) {
        JsonNode selector = service.path("spec").path("selector");
        if (!selector.isObject() || selector.isEmpty()) {
            return "has no selector, so no controller keeps its endpoints";
        }
        JsonNode owner = KubeWorkload.first(reader.read("Deployment", deployment, "apps/v1"));
        if (owner == null) {
            return "Deployment " + deployment + " does not exist";
        }
        JsonNode template = owner.path("spec").path("template").path("metadata").path("labels");
        if (!matches(selector, template)) {
            return "selector " + selector + " does not match the pods of " + deployment + " (labels " + template + ")";
        }
        List<String> strangers = new ArrayList<>();
        for (JsonNode pod : livePods()) {
            JsonNode labels = pod.path("metadata").path("labels");
            if (matches(selector, labels)
                    && !matches(owner.path("spec").path("selector").path("matchLabels"), labels)) {
                strangers.add(pod.path("metadata").path("name").asText());
            }
        }
        return strangers.isEmpty() ? "" : "also selects pods not of " + deployment + ": " + strangers;
    }

    private String addresses(JsonNode endpoints, Map<?, ?> rule) {
        String deployment = String.valueOf(rule.get("deployment"));
        JsonNode owner = KubeWorkload.first(reader.read("Deployment", deployment, "apps/v1"));
        if (owner == null) {
            return "Deployment " + deployment + " does not exist";
        }
        JsonNode service = KubeWorkload.first(
                reader.read("Service", endpoints.path("metadata").path("name").asText(), "v1"));
        JsonNode selector = service == null ? null : service.path("spec").path("selector");
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return "its Service has no selector: these endpoints are written by hand and nothing keeps them";
        }
        Map<String, String> ips = new LinkedHashMap<>();
        for (JsonNode pod : livePods()) {
            JsonNode labels = pod.path("metadata").path("labels");
            if (matches(owner.path("spec").path("selector").path("matchLabels"), labels) && matches(selector, labels)) {
                ips.put(
                        pod.path("metadata").path("name").asText(),
                        pod.path("status").path("podIP").asText(""));
            }
        }
        Set<String> reached = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode subset : endpoints.path("subsets")) {
            for (JsonNode address : subset.path("addresses")) {
                JsonNode ref = address.path("targetRef");
                String pod = ref.path("name").asText("");
                String ip = address.path("ip").asText("");
                if (ref.path("kind").asText().equals("Pod")
                        && ips.containsKey(pod)
                        && ips.get(pod).equals(ip)) {
                    reached.add(pod);
                } else {
                    wrong.add(ip + (pod.isEmpty() ? "" : " (" + pod + ")"));
                }
            }
        }
        String count = String.valueOf(rule.get("ready"));
        int ready = count.matches("\\d{1,4}") ? Integer.parseInt(count) : Integer.MAX_VALUE;
        if (!wrong.isEmpty()) {
            return "ready addresses that are not live pods of " + deployment + ": " + wrong;
        }
        return reached.size() >= ready
                ? ""
                : reached.size() + " ready pods of " + deployment + ", " + ready + " needed";
    }

    private static String port(JsonNode endpoints, Map<?, ?> rule) {
        String wanted = String.valueOf(rule.get("port"));
        List<String> seen = new ArrayList<>();
        boolean any = false;
        for (JsonNode subset : endpoints.path("subsets")) {
            if (subset.path("addresses").isEmpty()) {
                continue;
            }
            any = true;
            boolean has = false;
            for (JsonNode port : subset.path("ports")) {
                seen.add(port.path("port").asText());
                has |= port.path("port").asText().equals(wanted);
            }
            if (!has) {
                return "ready addresses on port " + seen + ", not " + wanted;
            }
        }
        return any ? "" : "no ready address";
    }

    private List<JsonNode> livePods() {
        return reader.read("Pod", null, "v1").stream()
                .filter(pod -> !pod.path("metadata").hasNonNull("deletionTimestamp"))
                .toList();
    }

    /** Whether every label of the selector is on the object with that value (an empty selector: none here). */
    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var label = fields.next();
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
