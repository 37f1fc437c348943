package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths into Kubernetes objects, as lab authors write them: {@code spec.replicas},
 * {@code spec.template.spec.containers[*].image} (every item), {@code containers[0]} (one item),
 * {@code containers[name=web]} (the item whose field has that value), {@code metadata.annotations["a.b/c"]}
 * (a key with dots).
 */
final class KubePath {
    private static final Pattern SEGMENT = Pattern.compile(
            "\\.?([A-Za-z0-9_$-]+)|\\[\\*]|\\[(\\d+)]|\\[([A-Za-z0-9_.-]+)=([^\\]]*)]|\\[\"([^\"]+)\"]");

    private KubePath() {}

    /** Whether the path is well formed. */
    static boolean valid(String path) {
        return segments(path) != null;
    }

    /**
     * The nodes at the path; missing ones as {@code MissingNode} so "every container has X" fails on the
     * container that lacks it. A selector that matches no item yields nothing.
     */
    static List<JsonNode> at(JsonNode root, String path) {
        List<String> segments = segments(path);
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        for (String segment : segments == null ? List.<String>of() : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                next.addAll(step(node, segment));
            }
            nodes = next;
        }
        return nodes;
    }

    private static List<JsonNode> step(JsonNode node, String segment) {
        if (segment.equals("[*]")) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        if (segment.startsWith("[#")) {
            return List.of(node.path(Integer.parseInt(segment.substring(2))));
        }
        if (segment.startsWith("[=")) {
            String[] keyValue = segment.substring(2).split("=", 2);
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> {
                if (item.path(keyValue[0]).asText().equals(keyValue[1])) {
                    items.add(item);
                }
            });
            return items;
        }
        return List.of(node.path(segment));
    }

    /** Field names as themselves; [*] as is; [n] as "[#n"; [key=value] as "[=key=value"; null when malformed. */
    private static @org.jspecify.annotations.Nullable List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path);
        int at = 0;
        while (at < path.length()) {
            if (!matcher.find(at) || matcher.start() != at || (at == 0 && path.startsWith("."))) {
                return null;
            }
            if (matcher.group(1) != null) {
                segments.add(matcher.group(1));
            } else if (matcher.group(2) != null) {
                segments.add("[#" + matcher.group(2));
            } else if (matcher.group(3) != null) {
                segments.add("[=" + matcher.group(3) + "=" + matcher.group(4));
            } else if (matcher.group(5) != null) {
                segments.add(matcher.group(5));
            } else {
                segments.add("[*]");
            }
            at = matcher.end();
        }
        return segments.isEmpty() ? null : segments;
    }

    /** A node as comparable text: a scalar's value, a structure as compact JSON, a missing node as "". */
    static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
