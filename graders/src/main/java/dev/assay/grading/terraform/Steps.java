package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.math.BigDecimal;
import java.util.List;

/** Attribute and index steps into a value: {@code .name}, {@code [0]}, {@code ["key"]}. */
final class Steps {
    private Steps() {}

    static Value apply(Value from, List<Expression.Step> steps, String source) {
        Value value = from;
        for (Expression.Step step : steps) {
            if (step instanceof Expression.Attr attr) {
                value = index(value, new Value.Str(attr.name()), source);
            } else {
                value = index(value, Evaluator.literal(((Expression.Key) step).value()), source);
            }
        }
        return value;
    }

    static Value index(Value collection, Value key, String source) {
        if (collection instanceof Value.Unknown) {
            return collection;
        }
        if (key instanceof Value.Unknown) {
            return key;
        }
        if (collection instanceof Value.Obj obj && key.asText().isPresent()) {
            Value value = obj.entries().get(key.asText().get());
            if (value != null) {
                return value;
            }
            return new Value.Unknown(
                    obj.open()
                            ? source + " may hold " + key.show() + " but this grader cannot tell"
                            : source + ": there is no " + key.show() + " in " + obj.show());
        }
        BigDecimal index = number(key);
        if (collection instanceof Value.Seq seq && index != null) {
            if (index.signum() >= 0
                    && index.compareTo(BigDecimal.valueOf(seq.items().size())) < 0) {
                return seq.items().get(index.intValueExact());
            }
            return new Value.Unknown(source + ": index " + key.show() + " is out of range");
        }
        return new Value.Unknown(source + ": cannot index " + collection.show() + " with " + key.show());
    }

    private static @org.jspecify.annotations.Nullable BigDecimal number(Value key) {
        if (key instanceof Value.Num n && n.value().stripTrailingZeros().scale() <= 0) {
            return n.value();
        }
        if (key instanceof Value.Str s && s.value().matches("\\d+")) {
            return new BigDecimal(s.value());
        }
        return null;
    }
}
