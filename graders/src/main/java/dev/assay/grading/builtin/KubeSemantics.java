package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.assay.grading.builtin.LabelSelector.Match;
import dev.assay.grading.builtin.NetworkPolicyIngress.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The kubernetes grader's rules that judge what an object does rather than how it is written: label selectors
 * ({@code selects}), NetworkPolicy ingress ({@code ingress}) and HTTP probes ({@code probeTargets}). Each gives ""
 * when it holds, else what is wrong; a construct it cannot judge is said so and never holds.
 */
final class KubeSemantics {
    static final Set<String> SELECT_KEYS = Set.of("path", "labels", "expect");

    private KubeSemantics() {}

    /** What is wrong with a {@code selects} row, if anything. */
    static Optional<String> selectProblem(Object item) {
        if (!(item instanceof Map<?, ?> row)
                || !(row.get("path") instanceof String path)
                || !KubePath.valid(path)
                || !(row.get("labels") instanceof Map<?, ?>)
                || !Set.of("match", "nomatch").contains(String.valueOf(row.get("expect")))
                || !SELECT_KEYS.containsAll(keys(row))) {
            return Optional.of("needs path (a field path to a label selector), labels (a pod's labels) and"
                    + " expect: match or nomatch, nothing else");
        }
        return Optional.empty();
    }

    /** What is wrong with an {@code ingress} row, if anything. */
    static Optional<String> ingressProblem(Object item) {
        if (!(item instanceof Map<?, ?> row)
                || !(row.get("to") instanceof Map<?, ?>)
                || (row.get("from") == null) == (row.get("ip") == null)
                || !(row.get("port") instanceof Number)
                || !Set.of("allow", "deny").contains(String.valueOf(row.get("expect")))
                || !NetworkPolicyIngress.KEYS.containsAll(keys(row))) {
            return Optional.of("needs to (the destination pod's labels), from (a source pod's labels) or ip, port"
                    + " and expect: allow or deny; may give namespace (the source namespace's labels, if not the"
                    + " policy's), portName (the destination's name for the port) and protocol (TCP)");
        }
        return Optional.empty();
    }

    private static List<String> keys(Map<?, ?> row) {
        return row.keySet().stream().map(String::valueOf).toList();
    }

    /** Every {@code selects} row, for one object: its selector at that path matches those labels, or not. */
    static String selects(JsonNode object, List<?> rows) {
        // policy/v1beta1 PodDisruptionBudgets: an empty selector selects no pod (policy/v1: every pod).
        boolean emptySelectsAll = !(object.path("kind").asText().equals("PodDisruptionBudget")
                && object.path("apiVersion").asText().equals("policy/v1beta1"));
        List<String> wrong = new ArrayList<>();
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            String path = String.valueOf(row.get("path"));
            Map<String, String> labels = strings(row.get("labels"));
            List<JsonNode> selectors = KubePath.at(object, path);
            JsonNode selector = selectors.size() == 1 ? selectors.get(0) : MissingNode.getInstance();
            Match match = LabelSelector.matches(selector, labels, emptySelectsAll);
            boolean wanted = "match".equals(row.get("expect"));
            if (match == Match.UNKNOWN) {
                wrong.add(path + " cannot be judged (not a label selector the API server accepts): "
                        + Text.excerpt(KubePath.text(selector)));
            } else if ((match == Match.YES) != wanted) {
                wrong.add(path + (wanted ? " does not select " : " selects ") + labels);
            }
        }
        return String.join("; ", wrong);
    }

    /** One rule per {@code ingress} row, decided by all the policies read together (as the network plugin would). */
    static Map<String, String> ingress(List<JsonNode> policies, List<?> rows) {
        Map<String, String> results = new LinkedHashMap<>();
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            Connection connection = new Connection(
                    strings(row.get("to")),
                    row.get("from") == null ? Optional.empty() : Optional.of(strings(row.get("from"))),
                    row.get("namespace") == null ? Optional.empty() : Optional.of(strings(row.get("namespace"))),
                    row.get("ip") == null ? Optional.empty() : Optional.of(String.valueOf(row.get("ip"))),
                    row.get("port") instanceof Number port ? port.intValue() : 0,
                    row.get("portName") == null ? Optional.empty() : Optional.of(String.valueOf(row.get("portName"))),
                    row.get("protocol") == null ? "TCP" : String.valueOf(row.get("protocol")));
            String source = connection
                    .ip()
                    .orElseGet(() -> "pod " + connection.from().orElseThrow()
                            + connection
                                    .namespace()
                                    .map(labels -> " of namespace " + labels)
                                    .orElse(" of the namespace"));
            String request = "ingress from " + source + " to " + connection.to() + " on " + connection.protocol() + " "
                    + connection.port();
            Match admitted = NetworkPolicyIngress.admits(policies, connection);
            boolean wanted = "allow".equals(row.get("expect"));
            results.put(
                    request,
                    admitted == Match.UNKNOWN
                            ? request + " cannot be judged (an ipBlock and a pod source, or a peer the API refuses)"
                            : (admitted == Match.YES) == wanted
                                    ? ""
                                    : request
                                            + (wanted
                                                    ? " is not admitted, and must be"
                                                    : " is admitted, and must not be"));
        }
        return results;
    }

    /**
     * Every container's probe of each name (readinessProbe, livenessProbe) is an HTTP GET of the path on the port,
     * given "/path port"; the probe may name the port by number or by the name of the container's port of that
     * number.
     */
    static String probeTargets(JsonNode container, Map<?, ?> targets) {
        List<String> wrong = new ArrayList<>();
        targets.forEach((probe, target) -> {
            String[] wanted = String.valueOf(target).trim().split("\\s+", 2);
            JsonNode get = container.path(String.valueOf(probe)).path("httpGet");
            if (get.isMissingNode()) {
                wrong.add(probe + " is not an HTTP GET");
                return;
            }
            String path = get.path("path").asText("/");
            JsonNode port = get.path("port");
            int number = port.isInt() ? port.asInt() : namedPort(container, port.asText());
            if (!path.equals(wanted[0])
                    || wanted.length < 2
                    || !String.valueOf(number).equals(wanted[1])) {
                wrong.add(probe + " gets " + path + " on port " + port.asText()
                        + (port.isInt() || number < 0 ? "" : " (" + number + ")") + ", not " + target);
            }
        });
        return String.join(", ", wrong);
    }

    /** The container port of that name, -1 if none. */
    private static int namedPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt(-1);
            }
        }
        return -1;
    }

    private static Map<String, String> strings(@Nullable Object map) {
        Map<String, String> labels = new TreeMap<>();
        if (map instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> labels.put(String.valueOf(key), String.valueOf(value)));
        }
        return labels;
    }
}
