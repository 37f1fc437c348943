package dev.assay.grading.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a row asks of a resource at a dotted path: a value matching a regular expression wholly (a list matches
 * when one of its elements does; {@code fallback} is the provider's default when the argument is not set), or,
 * with no regex, that nothing is set there. Paths through nested blocks are judged block by block: the
 * conditions under one block type must all hold in the same block.
 */
public record Condition(
        List<String> path,
        @Nullable Pattern regex,
        @Nullable String fallback,
        String prefix) {

    public static Condition matching(String path, Pattern regex, @Nullable String fallback) {
        return new Condition(List.of(path.split("\\.")), regex, fallback, "");
    }

    public static Condition absent(String path) {
        return new Condition(List.of(path.split("\\.")), null, null, "");
    }

    private String name() {
        return prefix + String.join(".", path);
    }

    private Condition rest() {
        return new Condition(path.subList(1, path.size()), regex, fallback, prefix + path.get(0) + ".");
    }

    /** Whether the node meets every condition. */
    public static Truth match(Node node, List<Condition> conditions) {
        Map<String, List<Condition>> byHead = new LinkedHashMap<>();
        conditions.forEach(c ->
                byHead.computeIfAbsent(c.path.get(0), h -> new ArrayList<>()).add(c));
        Truth all = Truth.YES;
        for (var group : byHead.entrySet()) {
            all = all.and(head(node, group.getKey(), group.getValue()));
        }
        return all;
    }

    private static Truth head(Node node, String head, List<Condition> conditions) {
        List<Condition> here =
                conditions.stream().filter(c -> c.path.size() == 1).toList();
        List<Condition> required = conditions.stream()
                .filter(c -> c.path.size() > 1 && c.regex != null)
                .map(Condition::rest)
                .toList();
        List<Condition> absent = conditions.stream()
                .filter(c -> c.path.size() > 1 && c.regex == null)
                .map(Condition::rest)
                .toList();
        var argument = node.argument(head).filter(found -> !(found.value() instanceof Value.Null));
        List<Node.Nested> inside = argument.isPresent() ? Node.elements(head, argument.get()) : node.blocks(head);
        Truth all = Truth.YES;
        for (Condition condition : here) {
            all = all.and(
                    argument.isPresent()
                            ? condition.onValue(argument.get())
                            : inside.isEmpty() ? condition.notSet() : condition.onBlock(inside));
        }
        if (!required.isEmpty()) {
            String block =
                    required.get(0).prefix.substring(0, required.get(0).prefix.length() - 1);
            Truth any = inside.isEmpty() ? Truth.no(block + " is not set") : Truth.NO;
            for (Node.Nested nested : inside) {
                any = any.or(
                        nested.node() == null
                                ? Truth.unknown("cannot tell " + block + ": " + nested.why())
                                : match(nested.node(), required));
            }
            all = all.and(any);
        }
        for (Node.Nested nested : absent.isEmpty() ? List.<Node.Nested>of() : inside) {
            all = all.and(
                    nested.node() == null
                            ? Truth.unknown("cannot tell " + conditions.get(0).prefix + head + ": " + nested.why())
                            : match(nested.node(), absent));
        }
        return all;
    }

    private Truth onValue(Node.Found found) {
        return regex == null
                ? Truth.no(name() + " is set (" + found.source() + ")")
                : matches(found.value(), found.source());
    }

    private Truth onBlock(List<Node.Nested> blocks) {
        if (regex != null) {
            return Truth.no(name() + " is a block, not a value");
        }
        Truth none = Truth.YES;
        for (Node.Nested block : blocks) {
            none = none.and(
                    block.node() == null
                            ? Truth.unknown("cannot tell whether " + name() + " is set: " + block.why())
                            : Truth.no(name() + " is set (" + block.node().where() + ")"));
        }
        return none;
    }

    private Truth notSet() {
        if (regex == null) {
            return Truth.YES;
        }
        if (path.size() == 1 && fallback != null) {
            Truth truth = matches(new Value.Str(fallback), "not set: the provider's default is " + fallback);
            return truth.no()
                    ? Truth.no(name() + " is not set, and its default " + fallback + " is not as required")
                    : truth;
        }
        return Truth.no(name() + " is not set");
    }

    private Truth matches(Value value, String source) {
        if (value instanceof Value.Unknown unknown) {
            return Truth.unknown("cannot tell " + name() + ": it is " + source + ": " + unknown.why());
        }
        if (value instanceof Value.Seq seq) {
            Truth any = Truth.no(name() + " is " + value.show());
            for (Value item : seq.items()) {
                any = any.or(
                        item instanceof Value.Seq ? Truth.no(name() + " is " + value.show()) : matches(item, source));
            }
            return any.no() ? Truth.no(name() + " is " + value.show()) : any;
        }
        if (value.asText().isEmpty()) {
            return Truth.no(name() + " is " + value.show());
        }
        return Truth.of(
                regex != null && regex.matcher(value.asText().get()).matches(),
                name() + " is " + value.asText().get());
    }
}
