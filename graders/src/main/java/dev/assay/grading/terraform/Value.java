package dev.assay.grading.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value as Terraform would plan it, or {@link Unknown} with why not: variables without a value, attributes known
 * only after apply, functions this reader does not model. An {@link Obj} may be {@code open}: its keys are known
 * but more may come (merge() of a known map and an unknown one).
 */
public sealed interface Value {
    record Str(String value) implements Value {}

    record Num(BigDecimal value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    /** A tuple, list or set, in order. */
    record Seq(List<Value> items) implements Value {}

    /** An object or map, keys in order. */
    record Obj(Map<String, Value> entries, boolean open) implements Value {}

    record Unknown(String why) implements Value {}

    Null NULL = new Null();

    static Value of(String text) {
        return new Str(text);
    }

    static Obj object(Map<String, Value> entries) {
        return new Obj(new LinkedHashMap<>(entries), false);
    }

    static Seq list(List<Value> items) {
        return new Seq(List.copyOf(items));
    }

    default boolean known() {
        return !(this instanceof Unknown);
    }

    /** The value as a template interpolates it: strings, numbers and bools; else empty. */
    default Optional<String> asText() {
        if (this instanceof Str s) {
            return Optional.of(s.value());
        }
        if (this instanceof Num n) {
            return Optional.of(n.value().stripTrailingZeros().toPlainString());
        }
        if (this instanceof Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    /** The value as a reader sees it in a message. */
    default String show() {
        if (this instanceof Str s) {
            return s.value();
        }
        if (this instanceof Seq seq) {
            List<String> items = new ArrayList<>();
            seq.items().forEach(item -> items.add(item instanceof Str s ? "\"" + s.value() + "\"" : item.show()));
            return "[" + String.join(", ", items) + "]";
        }
        if (this instanceof Obj obj) {
            List<String> entries = new ArrayList<>();
            obj.entries().forEach((key, value) -> entries.add(key + " = " + value.show()));
            return "{" + String.join(", ", entries) + (obj.open() ? ", ..." : "") + "}";
        }
        if (this instanceof Unknown unknown) {
            return "unknown (" + unknown.why() + ")";
        }
        return asText().orElse("null");
    }
}
