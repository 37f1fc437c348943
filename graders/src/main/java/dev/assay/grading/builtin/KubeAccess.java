package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The kubernetes grader's access rows: each a question to the API server (SubjectAccessReview), which decides it
 * from every binding of the subject (RoleBindings and ClusterRoleBindings, whatever their names). A row may name
 * one object ({@code name}), since rules scoped by {@code resourceNames} match only requests that name it; with
 * {@code eachObject} it is asked for the resource as a whole and again for every object of it in the namespace,
 * so a grant scoped to any one of them is seen too.
 */
final class KubeAccess {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> KEYS = Set.of("subject", "verb", "resource", "apiGroup", "name", "eachObject", "expect");

    private KubeAccess() {}

    /** What is wrong with row {@code i}, if anything: checked when the catalog loads. */
    static Optional<String> problem(Object item) {
        if (!(item instanceof Map<?, ?> row)
                || !String.valueOf(row.get("subject")).matches("(ServiceAccount|User|Group):[^\\s:]+")
                || row.get("verb") == null
                || row.get("resource") == null
                || !Set.of("allow", "deny").contains(String.valueOf(row.get("expect")))) {
            return Optional.of("needs subject (ServiceAccount:name, User:name or Group:name), verb, resource and"
                    + " expect: allow or deny");
        }
        Optional<String> unknown = row.keySet().stream()
                .map(String::valueOf)
                .filter(key -> !KEYS.contains(key))
                .findFirst();
        if (unknown.isPresent()) {
            return Optional.of("has " + unknown.get() + "; a row takes "
                    + String.join(", ", KEYS.stream().sorted().toList()));
        }
        if (Boolean.TRUE.equals(row.get("eachObject"))) {
            if (row.get("name") != null) {
                return Optional.of("takes name or eachObject, not both");
            }
            if (kindOf(group(row), String.valueOf(row.get("resource"))).isEmpty()) {
                return Optional.of("eachObject needs a resource of a kind in the grader's table (pods, secrets,"
                        + " apps deployments, ...)");
            }
        }
        return Optional.empty();
    }

    /** One rule per request asked: "" when the API server decides as expected, else what it decided. */
    static Map<String, String> judge(LabView lab, @Nullable Object table) {
        Map<String, String> results = new LinkedHashMap<>();
        if (!(table instanceof List<?> rows)) {
            return results;
        }
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            String subject = String.valueOf(row.get("subject"));
            String verb = String.valueOf(row.get("verb"));
            String resource = String.valueOf(row.get("resource"));
            String group = group(row);
            boolean expected = "allow".equals(row.get("expect"));
            List<@Nullable String> names = new ArrayList<>();
            names.add(row.get("name") == null ? null : String.valueOf(row.get("name")));
            if (Boolean.TRUE.equals(row.get("eachObject"))) {
                names.addAll(objectNames(lab, group, resource));
            }
            for (@Nullable String name : names) {
                boolean allowed = lab.kubernetesAllows(subject, verb, group, resource, name);
                String request = subject + " " + verb + " " + (group.isEmpty() ? "" : group + "/") + resource
                        + (name == null ? "" : " " + name);
                results.put(
                        request,
                        allowed == expected
                                ? ""
                                : request
                                        + (allowed
                                                ? " is allowed, and must not be"
                                                : " is denied, and must be allowed"));
            }
        }
        return results;
    }

    private static String group(Map<?, ?> row) {
        return row.get("apiGroup") == null ? "" : String.valueOf(row.get("apiGroup"));
    }

    /** The names of the objects of the resource (its subresource's parent: pods for pods/exec) in the namespace. */
    private static List<String> objectNames(LabView lab, String group, String resource) {
        Map.Entry<String, String> kind =
                kindOf(group, resource).orElseThrow(() -> new IllegalStateException("checked when the catalog loaded"));
        List<String> names = new ArrayList<>();
        for (String document : lab.kubernetesObjects(kind.getValue(), kind.getKey(), null)) {
            try {
                JsonNode object = JSON.readTree(document);
                names.add(object.path("metadata").path("name").asText());
            } catch (IOException e) {
                throw new LabUnavailableException("the API server sent an object that is not JSON", e);
            }
        }
        return names;
    }

    /** The kind (and its API version) whose plural the resource is, among the grader's table, in that group. */
    static Optional<Map.Entry<String, String>> kindOf(String group, String resource) {
        String plural = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        return KubernetesGrader.API_VERSIONS.entrySet().stream()
                .filter(kind -> groupOf(kind.getValue()).equals(group))
                .filter(kind -> plural(kind.getKey()).equals(plural))
                .findFirst();
    }

    private static String groupOf(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** The resource name the API server gives a kind: lower case, plural (Ingress: ingresses, Policy: policies). */
    static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("y")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower.endsWith("s") ? lower + "es" : lower + "s";
    }
}
