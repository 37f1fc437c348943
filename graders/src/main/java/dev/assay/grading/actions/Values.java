package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** Visits every string value (and key) of a parsed document, to a bounded depth. */
final class Values {
    private Values() {}

    static void strings(JsonNode node, Consumer<String> visitor) {
        visit(node, visitor, 0);
    }

    private static void visit(JsonNode node, Consumer<String> visitor, int depth) {
        if (depth > 64) {
            return;
        }
        if (node.isTextual()) {
            visitor.accept(node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                visitor.accept(e.getKey());
                visit(e.getValue(), visitor, depth + 1);
            });
        } else if (node.isArray()) {
            node.forEach(item -> visit(item, visitor, depth + 1));
        }
    }
}
