package dev.assay.service.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping into values, recording a {@link Problem} (with line, column and dotted field path)
 * for anything off: unknown keys (with a suggestion), duplicate keys, wrong types, missing required keys,
 * anchors and tags. Getters never throw; they return a fallback after recording the problem, so one pass
 * reports every problem of a file.
 */
final class MapReader {
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);

    private final YamlSource source;
    private final Node node;
    private final String path;
    private final Map<String, Node> entries = new LinkedHashMap<>();

    private MapReader(YamlSource source, Node node, String path) {
        this.source = source;
        this.node = node;
        this.path = path;
    }

    /** A reader for {@code node}, which must be a mapping whose keys are all in {@code known}. */
    static Optional<MapReader> of(YamlSource source, Node node, String path, Set<String> known) {
        if (!plain(source, node, path)) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            source.problem(node, path, "must be a map of keys to values", "write 'key: value' lines under it");
            return Optional.empty();
        }
        MapReader reader = new MapReader(source, node, path);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key) || !plain(source, keyNode, path)) {
                source.problem(keyNode, path, "keys must be plain words", "use a simple key such as 'title'");
                continue;
            }
            String name = key.getValue();
            String field = join(path, name);
            if (reader.entries.containsKey(name)) {
                source.problem(keyNode, field, "duplicate key", "keep one '" + name + ":' in this map");
            } else if (!known.contains(name)) {
                source.problem(keyNode, field, "unknown key", suggestion(name, known));
            } else {
                reader.entries.put(name, tuple.getValueNode());
            }
        }
        return Optional.of(reader);
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    String field(String key) {
        return join(path, key);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** A required text value; "" (after recording the problem) when missing or not text. */
    String required(String key, String fix) {
        Optional<String> text = text(key);
        if (text.isEmpty() && !has(key)) {
            source.problem(node, field(key), "missing", fix);
        }
        return text.orElse("");
    }

    Optional<String> text(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar
                && plain(source, value, field(key))
                && !Tag.NULL.equals(value.getTag())) {
            return Optional.of(scalar.getValue());
        }
        source.problem(value, field(key), "must be text", "write a single value after '" + key + ":'");
        return Optional.empty();
    }

    Optional<Double> number(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar
                && plain(source, value, field(key))
                && (Tag.INT.equals(value.getTag()) || Tag.FLOAT.equals(value.getTag()))) {
            try {
                double number = new BigDecimal(scalar.getValue().replace("_", "")).doubleValue();
                if (Math.abs(number) > 1e9) {
                    source.problem(value, field(key), "is out of range", "write a number of reasonable size");
                    return Optional.empty();
                }
                return Optional.of(number);
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        source.problem(value, field(key), "must be a number", "write digits such as 1 or 0.5");
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar && plain(source, value, field(key)) && Tag.BOOL.equals(value.getTag())) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        source.problem(value, field(key), "must be true or false", "write true or false");
        return Optional.empty();
    }

    /** The items of a list (the caller reads each with its index in the field path). */
    List<Node> list(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof SequenceNode sequence && plain(source, value, field(key))) {
            return sequence.getValue();
        }
        source.problem(value, field(key), "must be a list", "write each item on its own line starting with '- '");
        return List.of();
    }

    List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof ScalarNode scalar
                    && plain(source, item, field(key))
                    && !Tag.NULL.equals(item.getTag())) {
                texts.add(scalar.getValue());
            } else {
                source.problem(item, field(key) + "[" + i + "]", "must be text", "write '- value'");
            }
        }
        return texts;
    }

    /** A map of names to numbers (skill weights); keys in order of appearance, each with its node. */
    Map<String, Double> weights(String key) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Node value = entries.get(key);
        if (value == null) {
            return weights;
        }
        Optional<MapReader> map = of(source, value, field(key), new AnyKey());
        map.ifPresent(reader -> reader.entries
                .keySet()
                .forEach(name -> reader.number(name).ifPresent(weight -> weights.put(name, weight))));
        return weights;
    }

    /** The value as plain Java: String, Long, Double, Boolean, List, Map (for grader parameters). */
    Optional<Object> plainValue(String key) {
        Node value = entries.get(key);
        return value == null ? Optional.empty() : Optional.ofNullable(toJava(value, field(key), 0));
    }

    private @org.jspecify.annotations.Nullable Object toJava(Node value, String field, int depth) {
        if (!plain(source, value, field) || depth > SafeYaml.MAX_DEPTH) {
            return "";
        }
        if (value instanceof ScalarNode scalar) {
            return scalarValue(scalar);
        }
        if (value instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(toJava(sequence.getValue().get(i), field + "[" + i + "]", depth + 1));
            }
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        of(source, value, field, new AnyKey())
                .ifPresent(reader -> reader.entries.forEach(
                        (name, child) -> map.put(name, toJava(child, join(field, name), depth + 1))));
        return map;
    }

    private static @org.jspecify.annotations.Nullable Object scalarValue(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null; // 'key:' with nothing, '~' or 'null': absent, never the text "~"
        }
        try {
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text; // hexadecimal, octal or sexagesimal forms stay text
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        return text;
    }

    /** Refuses anchors/aliases and explicit tags, which lab files never need. */
    private static boolean plain(YamlSource source, Node node, String field) {
        if (node.getAnchor() != null) {
            source.problem(
                    node, field, "anchors and aliases (&name, *name) are not supported", "write the value out in full");
            return false;
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            source.problem(
                    node, field, "tag " + node.getTag() + " is not allowed", "remove the '!' tag; write a plain value");
            return false;
        }
        return true;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int distance = dev.assay.grading.EditDistance.between(
                    name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        String allowed = "allowed here: " + String.join(", ", new TreeSet<>(known));
        return best != null && bestDistance <= 2 ? "did you mean '" + best + "'? " + allowed : allowed;
    }

    /** Accepts every key: for maps whose keys are data (skill weights, grader parameters). */
    private static final class AnyKey extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
