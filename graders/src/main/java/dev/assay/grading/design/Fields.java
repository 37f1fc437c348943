package dev.assay.grading.design;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of one YAML mapping of a design document. A value that is missing or wrong adds a {@link Problem}
 * (path, line, what, fix) and reads as null, so one pass reports every problem of the document.
 */
final class Fields {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private final Node at;
    private final String path;
    private final List<Problem> problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private Fields(Node at, String path, List<Problem> problems) {
        this.at = at;
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or null (with a problem) when it is something else. */
    static @Nullable Fields of(Node node, String path, List<Problem> problems, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(problem(
                    node, path, "must be a mapping of fields, got " + describe(node), "write key: value lines"));
            return null;
        }
        Fields fields = new Fields(node, path, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            String name = key instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(key);
            if (!allowed.contains(name)) {
                problems.add(problem(key, fields.path(name), "unknown field", Names.didYouMean(name, allowed)));
            } else if (fields.values.containsKey(name)) {
                problems.add(problem(key, fields.path(name), "is given twice", "keep one of them"));
            } else {
                fields.values.put(name, tuple.getValueNode());
            }
        }
        return fields;
    }

    static Problem problem(Node node, String path, String message, String fix) {
        return new Problem(
                path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message, fix);
    }

    private Node at(String key) {
        Node node = values.get(key);
        return node == null ? at : node;
    }

    int line() {
        return at.getStartMark().getLine() + 1;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    @Nullable
    Node node(String key, boolean required, String fix) {
        Node node = values.get(key);
        if (node == null || node.getTag().equals(Tag.NULL)) {
            if (required) {
                problems.add(problem(at, path(key), "required", fix));
            }
            return null;
        }
        return node;
    }

    void add(Node node, String path, String message, String fix) {
        problems.add(problem(node, path, message, fix));
    }

    @Nullable
    String name(String key, boolean required, String fix) {
        String text = string(key, required, fix);
        if (text != null && !NAME.matcher(text).matches()) {
            add(at(key), path(key), "'" + text + "' is not a name", "use lower case letters, digits and dashes");
            return null;
        }
        return text;
    }

    @Nullable
    String string(String key, boolean required, String fix) {
        Node node = node(key, required, fix);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            add(node, path(key), "must be text, got " + describe(node), fix);
            return null;
        }
        return scalar.getValue();
    }

    @Nullable
    String choice(String key, List<String> allowed, @Nullable String fallback) {
        String text = string(key, fallback == null, "one of " + allowed);
        if (text == null) {
            return fallback;
        }
        if (!allowed.contains(text)) {
            add(at(key), path(key), "'" + text + "' is not one of " + allowed, "write one of " + allowed);
            return null;
        }
        return text;
    }

    @Nullable
    Double number(String key, boolean required, double min, double max, String fix) {
        Node node = node(key, required, fix);
        return node == null ? null : number(node, path(key), min, max, fix);
    }

    @Nullable
    Double number(Node node, String where, double min, double max, String fix) {
        if (node instanceof ScalarNode scalar
                && (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
            try {
                double value = new BigDecimal(scalar.getValue().replace("_", "")).doubleValue();
                if (value >= min && value <= max) {
                    return value;
                }
                add(
                        node,
                        where,
                        "is " + scalar.getValue() + ", outside " + Numbers.fmt(min) + ".." + Numbers.fmt(max),
                        fix);
                return null;
            } catch (NumberFormatException e) {
                // a YAML 1.1 form such as 0x1F or 1:30: fall through to "must be a number"
            }
        }
        add(node, where, "must be a number, got " + describe(node), fix);
        return null;
    }

    @Nullable
    Integer integer(String key, boolean required, int min, String fix) {
        Node node = node(key, required, fix);
        if (node == null) {
            return null;
        }
        if (!node.getTag().equals(Tag.INT)) {
            add(node, path(key), "must be a whole number, got " + describe(node), fix);
            return null;
        }
        Double value = number(node, path(key), min, 100_000, fix);
        return value == null ? null : value.intValue();
    }

    @Nullable
    Duration duration(String key, boolean required, String fix) {
        Node node = node(key, required, fix);
        if (node == null) {
            return null;
        }
        Duration parsed =
                node instanceof ScalarNode scalar && node.getTag().equals(Tag.STR) ? parse(scalar.getValue()) : null;
        if (parsed == null) {
            add(node, path(key), "must be a duration such as 90s, 15m, 1h30m or 1d, got " + describe(node), fix);
        }
        return parsed;
    }

    static @Nullable Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            return null;
        }
        long[] units = {86_400_000, 3_600_000, 60_000, 1000, 1};
        long millis = 0;
        for (int i = 0; i < units.length; i++) {
            millis += m.group(i + 1) == null ? 0 : Long.parseLong(m.group(i + 1)) * units[i];
        }
        return Duration.ofMillis(millis);
    }

    /** A list of names; a single name is accepted as a list of one. */
    List<String> names(String key, boolean required, String fix) {
        Node node = node(key, required, fix);
        if (node == null) {
            return List.of();
        }
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String where = path(key) + (node instanceof SequenceNode ? "[" + i + "]" : "");
            if (item instanceof ScalarNode scalar
                    && NAME.matcher(scalar.getValue()).matches()) {
                if (names.contains(scalar.getValue())) {
                    add(item, where, "'" + scalar.getValue() + "' is listed twice", "list each once");
                }
                names.add(scalar.getValue());
            } else {
                add(item, where, "must be a name, got " + describe(item), fix);
            }
        }
        if (required && names.isEmpty() && items.isEmpty()) {
            add(node, path(key), "must not be empty", fix);
        }
        return names;
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            String text = scalar.getValue();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
