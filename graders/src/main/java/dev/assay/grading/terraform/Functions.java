package dev.assay.grading.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The functions of Terraform this reader evaluates, those that shape the values rules read (collections,
 * conversions, strings). Any other function's result is unknown, and said so.
 */
public final class Functions {
    private Functions() {}

    static Value call(String name, List<Value> given, boolean expandLast) {
        List<Value> arguments = new ArrayList<>(given);
        if (expandLast && !arguments.isEmpty()) {
            Value last = arguments.remove(arguments.size() - 1);
            if (!(last instanceof Value.Seq seq)) {
                return last instanceof Value.Unknown ? last : new Value.Unknown(name + "(...): ... needs a list");
            }
            arguments.addAll(seq.items());
        }
        if (name.equals("try")) {
            return arguments.stream()
                    .filter(Value::known)
                    .findFirst()
                    .orElse(new Value.Unknown("no argument of try() is known"));
        }
        if (name.equals("can")) {
            return arguments.size() == 1 && arguments.get(0).known()
                    ? new Value.Bool(true)
                    : new Value.Unknown("can() of a value this grader cannot read");
        }
        if (name.equals("merge")) {
            return CollectionFunctions.merge(arguments);
        }
        for (Value argument : arguments) {
            if (argument instanceof Value.Unknown) {
                return argument;
            }
        }
        Value result = CollectionFunctions.call(name, arguments);
        return result != null ? result : strings(name, arguments);
    }

    private static Value strings(String name, List<Value> arguments) {
        Value result = switch (name) {
            case "lower", "upper", "trimspace", "tostring" -> text(name, arguments);
            case "tonumber" -> arguments.size() == 1 ? numberValue(arguments.get(0)) : null;
            case "tobool" ->
                arguments.size() == 1
                                && arguments
                                        .get(0)
                                        .asText()
                                        .filter(t -> t.matches("true|false"))
                                        .isPresent()
                        ? new Value.Bool(
                                Boolean.parseBoolean(arguments.get(0).asText().get()))
                        : null;
            case "join" -> join(arguments);
            case "split" -> split(arguments);
            case "format" -> format(arguments);
            case "coalesce" ->
                arguments.stream()
                        .filter(v -> !(v instanceof Value.Null)
                                && !(v instanceof Value.Str s && s.value().isEmpty()))
                        .findFirst()
                        .orElse(null);
            default -> new Value.Unknown(name + "() is not evaluated by this grader");
        };
        return result != null ? result : new Value.Unknown(name + "() cannot take " + shown(arguments));
    }

    private static @Nullable Value text(String name, List<Value> arguments) {
        if (arguments.size() != 1 || arguments.get(0).asText().isEmpty()) {
            return null;
        }
        String text = arguments.get(0).asText().get();
        return new Value.Str(
                switch (name) {
                    case "lower" -> text.toLowerCase(Locale.ROOT);
                    case "upper" -> text.toUpperCase(Locale.ROOT);
                    case "trimspace" -> text.strip();
                    default -> text;
                });
    }

    private static @Nullable Value join(List<Value> arguments) {
        if (arguments.size() < 2 || arguments.get(0).asText().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Value list : arguments.subList(1, arguments.size())) {
            if (!(list instanceof Value.Seq seq)) {
                return null;
            }
            for (Value item : seq.items()) {
                if (item.asText().isEmpty()) {
                    return null;
                }
                parts.add(item.asText().get());
            }
        }
        return new Value.Str(String.join(arguments.get(0).asText().get(), parts));
    }

    private static @Nullable Value split(List<Value> arguments) {
        if (arguments.size() != 2
                || arguments.get(0).asText().isEmpty()
                || arguments.get(1).asText().isEmpty()) {
            return null;
        }
        String separator = arguments.get(0).asText().get();
        String text = arguments.get(1).asText().get();
        List<Value> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            return null;
        }
        int from = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
            parts.add(new Value.Str(text.substring(from, at)));
            from = at + separator.length();
        }
        parts.add(new Value.Str(text.substring(from)));
        return Value.list(parts);
    }

    /** format() with %s, %d, %v and %%; other verbs are not evaluated. */
    private static @Nullable Value format(List<Value> arguments) {
        if (arguments.isEmpty() || arguments.get(0).asText().isEmpty()) {
            return null;
        }
        String spec = arguments.get(0).asText().get();
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%' || i + 1 >= spec.length()) {
                out.append(c);
                continue;
            }
            char verb = spec.charAt(++i);
            if (verb == '%') {
                out.append('%');
            } else if ("sdv".indexOf(verb) >= 0
                    && next < arguments.size()
                    && arguments.get(next).asText().isPresent()) {
                out.append(arguments.get(next++).asText().get());
            } else {
                return null;
            }
        }
        return new Value.Str(out.toString());
    }

    private static @Nullable Value numberValue(Value value) {
        BigDecimal number = number(value);
        return number == null ? null : new Value.Num(number);
    }

    /** A number, or a string Terraform would convert to one. */
    public static @Nullable BigDecimal number(Value value) {
        if (value instanceof Value.Num n) {
            return n.value();
        }
        if (value instanceof Value.Str s) {
            try {
                return new BigDecimal(s.value().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Equality as == decides: same type and same value (no conversion between strings and numbers). */
    static boolean same(Value left, Value right) {
        if (left instanceof Value.Num a && right instanceof Value.Num b) {
            return a.value().compareTo(b.value()) == 0;
        }
        if (left instanceof Value.Seq a && right instanceof Value.Seq b) {
            if (a.items().size() != b.items().size()) {
                return false;
            }
            for (int i = 0; i < a.items().size(); i++) {
                if (!same(a.items().get(i), b.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Value.Obj a && right instanceof Value.Obj b) {
            return a.entries().keySet().equals(b.entries().keySet())
                    && a.entries().keySet().stream()
                            .allMatch(k -> same(
                                    java.util.Objects.requireNonNull(a.entries().get(k)),
                                    java.util.Objects.requireNonNull(b.entries().get(k))));
        }
        return left.equals(right);
    }

    static Set<String> keys(Value.Obj obj) {
        return new LinkedHashSet<>(obj.entries().keySet());
    }

    static String shown(List<Value> arguments) {
        List<String> shown = new ArrayList<>();
        arguments.forEach(a -> shown.add(a.show()));
        return String.join(", ", shown);
    }

    static Map<String, Value> copy(Map<String, Value> entries) {
        return new LinkedHashMap<>(entries);
    }
}
