package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' label selector (metav1.LabelSelector) as the API server and controllers apply it: every entry of
 * {@code matchLabels} and every requirement of {@code matchExpressions} must hold (In, NotIn, Exists,
 * DoesNotExist); an empty selector selects every object, an absent one none. A selector the API server would
 * refuse (an unknown operator, In without values) cannot be judged: {@link Match#UNKNOWN}.
 */
final class LabelSelector {
    enum Match {
        YES,
        NO,
        UNKNOWN
    }

    private LabelSelector() {}

    /**
     * Whether {@code selector} selects an object with exactly {@code labels}. {@code emptySelectsAll} false is the
     * rule of policy/v1beta1 PodDisruptionBudgets, whose empty selector selects nothing.
     */
    static Match matches(JsonNode selector, Map<String, String> labels, boolean emptySelectsAll) {
        if (selector.isMissingNode() || selector.isNull()) {
            return Match.NO;
        }
        if (!selector.isObject()) {
            return Match.UNKNOWN;
        }
        JsonNode matchLabels = selector.path("matchLabels");
        JsonNode expressions = selector.path("matchExpressions");
        if (matchLabels.size() == 0 && expressions.size() == 0) {
            return emptySelectsAll ? Match.YES : Match.NO;
        }
        boolean all = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            all &= label.getValue().asText().equals(labels.get(label.getKey()));
        }
        for (JsonNode expression : expressions) {
            Match one = requirement(expression, labels);
            if (one == Match.UNKNOWN) {
                return Match.UNKNOWN;
            }
            all &= one == Match.YES;
        }
        return all ? Match.YES : Match.NO;
    }

    private static Match requirement(JsonNode expression, Map<String, String> labels) {
        String key = expression.path("key").asText("");
        JsonNode values = expression.path("values");
        Set<String> set = new HashSet<>();
        values.forEach(value -> set.add(value.asText()));
        boolean has = labels.containsKey(key);
        String operator = expression.path("operator").asText("");
        if (key.isEmpty()) {
            return Match.UNKNOWN;
        }
        return switch (operator) {
            case "In" -> set.isEmpty() ? Match.UNKNOWN : of(has && set.contains(labels.get(key)));
            case "NotIn" -> set.isEmpty() ? Match.UNKNOWN : of(!has || !set.contains(labels.get(key)));
            case "Exists" -> values.size() > 0 ? Match.UNKNOWN : of(has);
            case "DoesNotExist" -> values.size() > 0 ? Match.UNKNOWN : of(!has);
            default -> Match.UNKNOWN;
        };
    }

    private static Match of(boolean holds) {
        return holds ? Match.YES : Match.NO;
    }
}
