package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** For expressions, {@code %{for}} directives, and the collections count, for_each and dynamic blocks iterate. */
final class Loops {
    private Loops() {}

    /** A collection's elements as key, value pairs: a list's indexes, a map's keys. */
    record Element(Value key, Value value) {}

    /** The elements of a collection, or empty with the collection itself being unknown or not one. */
    static Optional<List<Element>> elements(Value collection) {
        List<Element> elements = new ArrayList<>();
        if (collection instanceof Value.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                elements.add(new Element(
                        new Value.Num(BigDecimal.valueOf(i)), seq.items().get(i)));
            }
            return Optional.of(elements);
        }
        if (collection instanceof Value.Obj obj && !obj.open()) {
            obj.entries().forEach((key, value) -> elements.add(new Element(new Value.Str(key), value)));
            return Optional.of(elements);
        }
        return Optional.empty();
    }

    static Value eval(Expression.For loop, Scope scope) {
        Value collection = Evaluator.eval(loop.collection(), scope);
        Optional<List<Element>> elements = elements(collection);
        if (elements.isEmpty()) {
            return collection instanceof Value.Unknown ? collection : notIterable(loop, collection);
        }
        List<Value> items = new ArrayList<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Element element : elements.get()) {
            Scope inner = scope;
            for (var bound : Operators.bind(loop.keyVariable(), element.key(), loop.valueVariable(), element.value())
                    .entrySet()) {
                inner = inner.with(bound.getKey(), bound.getValue());
            }
            if (loop.condition() != null) {
                Value keep = Evaluator.eval(loop.condition(), inner);
                if (!(keep instanceof Value.Bool b)) {
                    return keep instanceof Value.Unknown ? keep : notIterable(loop, keep);
                }
                if (!b.value()) {
                    continue;
                }
            }
            Value value = Evaluator.eval(loop.value(), inner);
            if (loop.key() == null) {
                items.add(value);
                continue;
            }
            Value key = Evaluator.eval(loop.key(), inner);
            if (key.asText().isEmpty()) {
                return key instanceof Value.Unknown ? key : notIterable(loop, key);
            }
            groups.computeIfAbsent(key.asText().get(), k -> new ArrayList<>()).add(value);
        }
        if (loop.key() == null) {
            return Value.list(items);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        for (var group : groups.entrySet()) {
            if (!loop.group() && group.getValue().size() > 1) {
                return new Value.Unknown(loop.source() + " makes the key " + group.getKey() + " twice");
            }
            entries.put(
                    group.getKey(),
                    loop.group()
                            ? Value.list(group.getValue())
                            : group.getValue().get(0));
        }
        return Value.object(entries);
    }

    static Value join(Expression.For loop, Scope scope) {
        Value strings = eval(loop, scope);
        if (!(strings instanceof Value.Seq seq)) {
            return strings;
        }
        StringBuilder text = new StringBuilder();
        for (Value item : seq.items()) {
            if (item.asText().isEmpty()) {
                return item instanceof Value.Unknown ? item : new Value.Unknown("a %{for} makes " + item.show());
            }
            text.append(item.asText().get());
        }
        return new Value.Str(text.toString());
    }

    private static Value notIterable(Expression.For loop, Value value) {
        return new Value.Unknown(loop.source() + " cannot use " + value.show());
    }
}
