package dev.assay.grading.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Terraform's collection functions on known values; null when the name is not one of them. */
final class CollectionFunctions {
    private CollectionFunctions() {}

    /** merge(): later keys win; an unknown argument leaves the known keys and opens the result. */
    static Value merge(List<Value> arguments) {
        Map<String, Value> entries = new LinkedHashMap<>();
        boolean open = false;
        for (Value argument : arguments) {
            if (argument instanceof Value.Obj obj) {
                entries.putAll(obj.entries());
                open |= obj.open();
            } else if (argument instanceof Value.Unknown) {
                open = true;
            } else if (!(argument instanceof Value.Null)) {
                return new Value.Unknown("merge() takes maps and objects, not " + argument.show());
            }
        }
        return new Value.Obj(entries, open);
    }

    static @Nullable Value call(String name, List<Value> arguments) {
        return switch (name) {
            case "toset", "distinct" -> one(arguments) instanceof Value.Seq seq ? distinct(seq.items()) : null;
            case "tolist" -> one(arguments) instanceof Value.Seq seq ? seq : null;
            case "tomap" -> one(arguments) instanceof Value.Obj obj ? obj : null;
            case "concat" -> concat(arguments);
            case "flatten" -> one(arguments) instanceof Value.Seq seq ? Value.list(flatten(seq.items())) : null;
            case "compact" ->
                one(arguments) instanceof Value.Seq seq
                        ? Value.list(seq.items().stream()
                                .filter(v -> !(v instanceof Value.Null)
                                        && !(v instanceof Value.Str s
                                                && s.value().isEmpty()))
                                .toList())
                        : null;
            case "length" -> length(one(arguments));
            case "keys" ->
                one(arguments) instanceof Value.Obj obj && !obj.open()
                        ? Value.list(obj.entries().keySet().stream()
                                .map(k -> (Value) new Value.Str(k))
                                .toList())
                        : null;
            case "values" ->
                one(arguments) instanceof Value.Obj obj && !obj.open()
                        ? Value.list(new ArrayList<>(obj.entries().values()))
                        : null;
            case "lookup" -> lookup(arguments);
            case "contains" ->
                arguments.size() == 2 && arguments.get(0) instanceof Value.Seq seq
                        ? new Value.Bool(seq.items().stream().anyMatch(v -> Functions.same(v, arguments.get(1))))
                        : null;
            case "element" -> element(arguments);
            default -> null;
        };
    }

    private static @Nullable Value one(List<Value> arguments) {
        return arguments.size() == 1 ? arguments.get(0) : null;
    }

    private static Value distinct(List<Value> items) {
        List<Value> distinct = new ArrayList<>();
        for (Value item : items) {
            if (distinct.stream().noneMatch(v -> Functions.same(v, item))) {
                distinct.add(item);
            }
        }
        return Value.list(distinct);
    }

    private static @Nullable Value concat(List<Value> arguments) {
        List<Value> items = new ArrayList<>();
        for (Value argument : arguments) {
            if (!(argument instanceof Value.Seq seq)) {
                return null;
            }
            items.addAll(seq.items());
        }
        return Value.list(items);
    }

    private static List<Value> flatten(List<Value> items) {
        List<Value> flat = new ArrayList<>();
        for (Value item : items) {
            if (item instanceof Value.Seq seq) {
                flat.addAll(flatten(seq.items()));
            } else {
                flat.add(item);
            }
        }
        return flat;
    }

    private static @Nullable Value length(@Nullable Value value) {
        if (value instanceof Value.Seq seq) {
            return new Value.Num(BigDecimal.valueOf(seq.items().size()));
        }
        if (value instanceof Value.Obj obj && !obj.open()) {
            return new Value.Num(BigDecimal.valueOf(obj.entries().size()));
        }
        if (value instanceof Value.Str s) {
            return new Value.Num(
                    BigDecimal.valueOf(s.value().codePointCount(0, s.value().length())));
        }
        return value instanceof Value.Obj ? new Value.Unknown("the length of a map with keys not known") : null;
    }

    private static @Nullable Value lookup(List<Value> arguments) {
        if (arguments.size() < 2
                || !(arguments.get(0) instanceof Value.Obj obj)
                || arguments.get(1).asText().isEmpty()) {
            return null;
        }
        Value found = obj.entries().get(arguments.get(1).asText().get());
        if (found != null) {
            return found;
        }
        if (obj.open()) {
            return new Value.Unknown("lookup() in a map with keys not known");
        }
        return arguments.size() > 2
                ? arguments.get(2)
                : new Value.Unknown("lookup() found no " + arguments.get(1).show());
    }

    private static @Nullable Value element(List<Value> arguments) {
        if (arguments.size() != 2
                || !(arguments.get(0) instanceof Value.Seq seq)
                || seq.items().isEmpty()) {
            return null;
        }
        BigDecimal index = Functions.number(arguments.get(1));
        if (index == null || index.signum() < 0) {
            return null;
        }
        return seq.items().get(index.intValue() % seq.items().size());
    }
}
