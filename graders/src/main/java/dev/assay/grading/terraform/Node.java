package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something rules read arguments and nested blocks from: a block's body with the scope its expressions are
 * evaluated in (a resource instance, a dynamic block's element), or an object value (an element of an argument
 * such as {@code ingress = [{...}]}). Nested blocks include those a dynamic block makes.
 */
public sealed interface Node {
    /** An argument's value, how it was written, and where (file:line). */
    record Found(Value value, String source, String where) {}

    /** A nested block, or a dynamic block whose elements cannot be read ({@code node} null, {@code why} set). */
    record Nested(@Nullable Node node, String why) {}

    Optional<Found> argument(String name);

    List<Nested> blocks(String type);

    /** Where it is written, for messages. */
    String where();

    record Of(Body body, Scope scope, String where) implements Node {
        @Override
        public Optional<Found> argument(String name) {
            return body.attribute(name)
                    .map(a -> new Found(
                            Evaluator.eval(a.value(), scope), a.value().source(), a.file() + ":" + a.line()));
        }

        @Override
        public List<Nested> blocks(String type) {
            List<Nested> nested = new ArrayList<>();
            for (Block block : body.blocks()) {
                if (block.type().equals(type)) {
                    nested.add(new Nested(new Of(block.body(), scope, at(block)), ""));
                } else if (block.type().equals("dynamic") && block.label(0).equals(type)) {
                    nested.addAll(dynamic(block));
                }
            }
            return nested;
        }

        private List<Nested> dynamic(Block dynamic) {
            String iterator = dynamic.body()
                    .attribute("iterator")
                    .map(a -> a.value().source())
                    .orElse(dynamic.label(0));
            Optional<Attribute> forEach = dynamic.body().attribute("for_each");
            List<Block> content = dynamic.body().blocks("content");
            if (forEach.isEmpty() || content.isEmpty()) {
                return List.of();
            }
            Value collection = Evaluator.eval(forEach.get().value(), scope);
            Optional<List<Loops.Element>> elements = Loops.elements(collection);
            if (elements.isEmpty()) {
                return List.of(new Nested(
                        null,
                        "the dynamic " + dynamic.label(0) + " block at " + at(dynamic)
                                + " iterates over " + forEach.get().value().source() + ": "
                                + (collection instanceof Value.Unknown u
                                        ? u.why()
                                        : collection.show() + " is not a collection")));
            }
            List<Nested> made = new ArrayList<>();
            for (Loops.Element element : elements.get()) {
                Value item = Value.object(Map.of("key", element.key(), "value", element.value()));
                made.add(new Nested(new Of(content.get(0).body(), scope.with(iterator, item), at(dynamic)), ""));
            }
            return made;
        }
    }

    record OfValue(Value.Obj value, String where) implements Node {
        @Override
        public Optional<Found> argument(String name) {
            Value found = value.entries().get(name);
            if (found == null && value.open()) {
                return Optional.of(new Found(new Value.Unknown("the object may set " + name), name, where));
            }
            return Optional.ofNullable(found).map(v -> new Found(v, name, where));
        }

        @Override
        public List<Nested> blocks(String type) {
            return List.of();
        }
    }

    /** The objects of an argument set to an object or a list of objects, each judged as a block would be. */
    public static List<Nested> elements(String head, Node.Found found) {
        Value value = found.value();
        if (value instanceof Value.Unknown unknown) {
            return List.of(new Nested(null, head + " is " + found.source() + ": " + unknown.why()));
        }
        List<Nested> nested = new ArrayList<>();
        for (Value item : value instanceof Value.Seq seq ? seq.items() : List.of(value)) {
            if (item instanceof Value.Obj obj) {
                nested.add(new Nested(new OfValue(obj, found.where()), ""));
            } else if (item instanceof Value.Unknown unknown) {
                nested.add(new Nested(null, unknown.why()));
            }
        }
        return nested;
    }

    static String at(Block block) {
        return block.file() + ":" + block.line();
    }
}
