package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a lab's {@code parameters:} block: a map of names to one kind each ({@code choice}, {@code int}, {@code word},
 * {@code hex}, {@code base32}, {@code derived}) and a {@code default}. Names, kinds, ranges, defaults and derived
 * templates (unknown names, cycles) are checked, each problem with its file and line.
 */
final class ParameterReader {
    static final String NAME = "[a-z][a-z0-9_]*";
    private static final Set<String> KEYS = Set.of("choice", "int", "word", "hex", "base32", "derived", "default");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max");
    private static final int MAX_LENGTH = 32;

    private final YamlSource source;

    private ParameterReader(YamlSource source) {
        this.source = source;
    }

    static LabParameters read(YamlSource source, MapReader lab) {
        return lab.value("parameters")
                .map(node -> new ParameterReader(source).all(node))
                .orElse(LabParameters.NONE);
    }

    private LabParameters all(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            source.problem(
                    node,
                    "parameters",
                    "must be a map of names to kinds",
                    "write 'port: {int: {min: 8000, max: 8999}, default: 8080}'");
            return LabParameters.NONE;
        }
        Map<String, LabParameters.Parameter> read = new LinkedHashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
            String field = "parameters." + name;
            if (LabParameters.RESERVED.contains(name)) {
                source.problem(
                        tuple.getKeyNode(),
                        field,
                        "'" + name + "' is one of the instructions' own variables",
                        "name it otherwise; taken: " + LabParameters.RESERVED);
            } else if (!name.matches(NAME)) {
                source.problem(
                        tuple.getKeyNode(),
                        field,
                        "'" + name + "' is not a parameter name",
                        "use lower case letters, digits and _, starting with a letter");
            } else if (read.containsKey(name)) {
                source.problem(tuple.getKeyNode(), field, "duplicate parameter", "keep one '" + name + ":'");
            } else {
                MapReader.of(source, tuple.getValueNode(), field, KEYS)
                        .flatMap(map -> parameter(name, field, map))
                        .ifPresent(p -> {
                            read.put(name, p);
                            nodes.put(name, tuple.getValueNode());
                        });
            }
        }
        return new LabParameters(ordered(read, nodes));
    }

    private Optional<LabParameters.Parameter> parameter(String name, String field, MapReader map) {
        List<String> kinds = KEYS.stream()
                .filter(k -> !k.equals("default") && map.has(k))
                .sorted()
                .toList();
        if (kinds.size() != 1) {
            source.problem(
                    map.node(),
                    field,
                    kinds.isEmpty() ? "has no kind" : "has more than one kind: " + kinds,
                    "give exactly one of choice, int, word, hex, base32, derived");
            return Optional.empty();
        }
        String wire = kinds.get(0);
        LabParameters.Kind kind = LabParameters.Kind.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        String fallback = map.required(
                "default", "give the value previews and unseeded sessions use, such as one of the choices");
        Node at = map.value(wire).orElseThrow();
        String kindField = field + "." + wire;
        List<String> options = List.of();
        long min = 0;
        long max = 0;
        int length = 0;
        String template = "";
        if (kind == LabParameters.Kind.CHOICE || kind == LabParameters.Kind.WORD) {
            options = options(map, wire, kindField);
        } else if (kind == LabParameters.Kind.INT) {
            Optional<MapReader> range = MapReader.of(source, at, kindField, RANGE_KEYS);
            min = range.flatMap(r -> r.number("min")).map(Double::longValue).orElse(0L);
            max = range.flatMap(r -> r.number("max")).map(Double::longValue).orElse(-1L);
            if (max < min) {
                source.problem(at, kindField, "needs min <= max", "write {min: 2000, max: 2999}");
            }
        } else if (kind == LabParameters.Kind.DERIVED) {
            template = map.text(wire).orElse("");
        } else { // hex, base32
            length = map.number(wire).map(Double::intValue).orElse(0);
            if (length < 1 || length > MAX_LENGTH) {
                source.problem(at, kindField, "length must lie in 1.." + MAX_LENGTH, "write " + wire + ": 8");
            }
        }
        LabParameters.Parameter parameter =
                new LabParameters.Parameter(name, kind, options, min, max, length, template, fallback);
        checkDefault(parameter, map, field);
        return Optional.of(parameter);
    }

    private List<String> options(MapReader map, String wire, String field) {
        List<String> options = map.texts(wire);
        if (options.size() < 2 || new LinkedHashSet<>(options).size() != options.size()) {
            source.problem(
                    map.value(wire).orElseThrow(),
                    field,
                    "needs two or more different values",
                    "list them: " + wire + ": [a, b, c]");
        }
        if (wire.equals("word") && !options.stream().allMatch(o -> o.matches("[A-Za-z0-9_.-]+"))) {
            source.problem(
                    map.value(wire).orElseThrow(),
                    field,
                    "a word is letters, digits, '.', '_' or '-'",
                    "use choice: for values with other characters");
        }
        return options;
    }

    private void checkDefault(LabParameters.Parameter p, MapReader map, String field) {
        String value = p.fallback();
        if (!map.has("default")) {
            return;
        }
        boolean fits = switch (p.kind()) {
            case CHOICE, WORD -> p.options().contains(value);
            case INT ->
                value.matches("-?\\d{1,18}") && Long.parseLong(value) >= p.min() && Long.parseLong(value) <= p.max();
            case HEX -> value.matches("[0-9a-f]{" + p.length() + "}");
            case BASE32 -> value.matches("[a-z2-7]{" + p.length() + "}");
            case DERIVED -> true; // checked once every parameter is read
        };
        if (!fits) {
            source.problem(
                    map.value("default").orElseThrow(),
                    field + ".default",
                    "'" + value + "' is not a value this " + p.kind().wire() + " can take",
                    "give one of its values");
        }
    }

    /** The parameters with each derived one after those it names; unknown names and cycles are problems. */
    private List<LabParameters.Parameter> ordered(Map<String, LabParameters.Parameter> read, Map<String, Node> nodes) {
        List<LabParameters.Parameter> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : read.keySet()) {
            visit(name, read, nodes, order, done, visiting);
        }
        LabParameters parameters = new LabParameters(order);
        Map<String, String> defaults = parameters.defaults();
        for (LabParameters.Parameter p : order) {
            if (p.kind() == LabParameters.Kind.DERIVED && !p.fallback().equals(defaults.get(p.name()))) {
                source.problem(
                        node(nodes, p.name()),
                        "parameters." + p.name() + ".default",
                        "'" + p.fallback() + "' is not the template over the other defaults",
                        "write '" + defaults.get(p.name()) + "'");
            }
        }
        return order;
    }

    private boolean visit(
            String name,
            Map<String, LabParameters.Parameter> read,
            Map<String, Node> nodes,
            List<LabParameters.Parameter> order,
            Set<String> done,
            Set<String> visiting) {
        if (done.contains(name)) {
            return true;
        }
        LabParameters.Parameter p = java.util.Objects.requireNonNull(read.get(name));
        if (visiting.contains(name)) {
            source.problem(
                    node(nodes, name),
                    "parameters." + name + ".derived",
                    "derived parameters refer to each other in a cycle: " + visiting,
                    "derive from parameters that are drawn, not from each other");
            return false;
        }
        visiting.add(name);
        boolean ok = true;
        if (p.kind() == LabParameters.Kind.DERIVED) {
            Matcher matcher = LabParameters.PLACEHOLDER.matcher(p.template());
            while (matcher.find()) {
                String used = matcher.group(1);
                if (!read.containsKey(used)) {
                    source.problem(
                            node(nodes, name),
                            "parameters." + name + ".derived",
                            "no parameter '" + used + "'",
                            "name one of " + read.keySet());
                    ok = false;
                } else if (!visit(used, read, nodes, order, done, visiting)) {
                    ok = false;
                }
            }
        }
        visiting.remove(name);
        done.add(name); // a failed one is reported once
        if (ok) {
            order.add(p);
        }
        return ok;
    }

    private static Node node(Map<String, Node> nodes, String name) {
        return java.util.Objects.requireNonNull(nodes.get(name), "every parameter read has its node");
    }
}
