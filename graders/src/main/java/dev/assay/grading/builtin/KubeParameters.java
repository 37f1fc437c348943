package dev.assay.grading.builtin;

import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The kubernetes grader's parameters, and what the catalog refuses in them when a lab loads. */
final class KubeParameters {
    private KubeParameters() {}

    static final ParameterSpec SPEC = ParameterSpec.builder()
            .optional("kind", Type.STRING, "the kind, such as Deployment or NetworkPolicy")
            .optional("apiVersion", Type.STRING, "its API version, for kinds not in the grader's table")
            .optional(
                    "name", Type.STRING, "one object by name; without it, the rules hold for every object of the kind")
            .optional("selector", Type.STRING_MAP, "only objects with these labels (label: exact value)")
            .optional(
                    "steadySeconds",
                    Type.INTEGER,
                    "Pods only: every container is ready, and still is this many seconds later with no restart")
            .optional("exists", Type.BOOLEAN, "whether such an object must exist (default true; false: none may)")
            .optional("count", Type.INTEGER, "at least this many objects of the kind")
            .optional("fields", Type.STRING_MAP, "field path: regex matching the whole value, such as spec.replicas")
            .optional("labels", Type.STRING_MAP, "label: regex its value must match")
            .optional("readyReplicas", Type.INTEGER, "status.readyReplicas at least this")
            .optional("probes", Type.BOOLEAN, "every container has a readiness and a liveness probe")
            .optional("limits", Type.BOOLEAN, "every container requests and limits cpu and memory")
            .optional(
                    "access",
                    Type.TABLE,
                    "rows of subject (ServiceAccount:name, User:name, Group:name), verb, resource (pods/log for a"
                            + " subresource), apiGroup, name (one object), eachObject (also every object of the"
                            + " resource in the namespace), expect")
            .optional(
                    "probeTargets",
                    Type.STRING_MAP,
                    "probe (readinessProbe, livenessProbe, startupProbe): \"/path port\"; every container's probe is an"
                            + " HTTP GET of it, the port by number or by the name of that container port")
            .optional(
                    "selects",
                    Type.TABLE,
                    "rows of path (to a label selector), labels (a pod's labels), expect: match|nomatch; Kubernetes'"
                            + " selector rules")
            .optional(
                    "ingress",
                    Type.TABLE,
                    "NetworkPolicy only: rows of to, from or ip, namespace, port, portName, protocol, expect:"
                            + " allow|deny, decided by every policy read together by the NetworkPolicy rules")
            .optional("ignore", Type.STRING_LIST, "names of objects of the kind left out (a platform's own)")
            .optional("partialCredit", Type.BOOLEAN, "false: the check fails unless every rule holds (default true)")
            .optional(
                    "runs",
                    Type.STRING_MAP,
                    "container, program, sha256: it runs program on a script with this content")
            .optional("healthProbes", Type.STRING_MAP, "container, path, port: readiness and liveness GET the path")
            .optional("envSource", Type.STRING_MAP, "container, name, configMap: the variable's value comes from it")
            .optional("selectsPodsOf", Type.STRING, "Services: the selector matches the Deployment's pods, no others")
            .optional("endpointsFor", Type.STRING_MAP, "Endpoints: deployment, port, ready: its live pods, on port")
            .rule(KubeSelection::problems)
            .rule(KubeWorkload::problems)
            .rule(KubeParameters::problems)
            .build();

    private static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        Object kind = values.get("kind");
        if (kind == null && !values.containsKey("access")) {
            problems.add(new Problem("kind", "give a kind to check objects, or access rows"));
        }
        if (values.containsKey("steadySeconds") && !"Pod".equals(kind)) {
            problems.add(new Problem("steadySeconds", "applies to kind Pod (select the pods with selector)"));
        }
        if (values.get("steadySeconds") instanceof Number seconds
                && (seconds.intValue() < 1 || seconds.intValue() > 60)) {
            problems.add(new Problem("steadySeconds", "must be 1 to 60 seconds"));
        }
        if (kind != null
                && !KubernetesGrader.API_VERSIONS.containsKey(String.valueOf(kind))
                && !values.containsKey("apiVersion")) {
            problems.add(
                    new Problem("apiVersion", "is needed for kind " + kind + ", such as monitoring.coreos.com/v1"));
        }
        if (values.get("fields") instanceof Map<?, ?> fields) {
            fields.keySet().stream()
                    .filter(path -> !KubePath.valid(String.valueOf(path)))
                    .forEach(path -> problems.add(new Problem(
                            "fields", path + " is not a field path such as spec.template.spec.containers[*].image")));
        }
        rows(values, "selects", KubeSemantics::selectProblem, problems);
        rows(values, "ingress", KubeSemantics::ingressProblem, problems);
        rows(values, "access", KubeAccess::problem, problems);
        if (values.containsKey("ingress") && !"NetworkPolicy".equals(kind)) {
            problems.add(new Problem("ingress", "applies to kind NetworkPolicy"));
        }
        if (values.get("probeTargets") instanceof Map<?, ?> targets) {
            targets.forEach((probe, target) -> {
                if (!Set.of("readinessProbe", "livenessProbe", "startupProbe").contains(String.valueOf(probe))
                        || !String.valueOf(target).matches("/\\S*\\s+\\d+")) {
                    problems.add(new Problem(
                            "probeTargets", probe + ": " + target + " is not a probe name and \"/path port\""));
                }
            });
        }
        return problems;
    }

    private static void rows(
            Map<String, Object> values,
            String table,
            Function<Object, Optional<String>> check,
            List<Problem> problems) {
        if (values.get(table) instanceof List<?> rows) {
            for (int i = 0; i < rows.size(); i++) {
                int row = i;
                check.apply(rows.get(i))
                        .ifPresent(problem -> problems.add(new Problem(table + "[" + row + "]", problem)));
            }
        }
    }
}
