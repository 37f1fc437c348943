package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a resource as Terraform would plan it: {@code count = 2} makes two ({@code count.index} 0 and
 * 1), {@code for_each} one per element ({@code each.key}, {@code each.value}), count 0 or an empty for_each none.
 * When count or for_each cannot be read, one instance stands for all of them, with {@code doubt} saying why it
 * may not exist (and each/count unknown in it).
 */
public record Instance(
        Block block, String address, Node node, @Nullable String doubt) {
    /** Instances of one resource this grader expands; a count above is judged as unknown. */
    static final int MAX_INSTANCES = 1000;

    public String where() {
        return block.file() + ":" + block.line();
    }

    public static List<Instance> of(Module module, Block resource) {
        Scope scope = module.scope();
        String address = Module.address(resource);
        Optional<Attribute> count = resource.body().attribute("count");
        Optional<Attribute> forEach = resource.body().attribute("for_each");
        if (count.isPresent()) {
            Value value = Evaluator.eval(count.get().value(), scope);
            BigDecimal number = Functions.number(value);
            boolean many = number != null && number.compareTo(BigDecimal.valueOf(MAX_INSTANCES)) > 0;
            if (number == null
                    || number.signum() < 0
                    || number.stripTrailingZeros().scale() > 0
                    || many) {
                String why = "count is " + count.get().value().source() + ": "
                        + (many ? value.show() + ", more than this grader expands" : reason(value));
                Scope unknown = scope.with("count", new Value.Unknown(why));
                return List.of(new Instance(resource, address, node(resource, unknown), why));
            }
            List<Instance> instances = new ArrayList<>();
            for (int i = 0; i < number.intValue(); i++) {
                Scope indexed =
                        scope.with("count", Value.object(Map.of("index", new Value.Num(BigDecimal.valueOf(i)))));
                instances.add(new Instance(resource, address + "[" + i + "]", node(resource, indexed), null));
            }
            return instances;
        }
        if (forEach.isPresent()) {
            return forEach(resource, address, scope, forEach.get());
        }
        return List.of(new Instance(resource, address, node(resource, scope), null));
    }

    private static List<Instance> forEach(Block resource, String address, Scope scope, Attribute forEach) {
        Value value = Evaluator.eval(forEach.value(), scope);
        List<Instance> instances = new ArrayList<>();
        if (value instanceof Value.Obj obj && !obj.open()) {
            obj.entries()
                    .forEach(
                            (key, item) -> instances.add(instance(resource, address, scope, new Value.Str(key), item)));
            return instances;
        }
        if (value instanceof Value.Seq seq
                && seq.items().stream().allMatch(i -> i.asText().isPresent())) {
            seq.items().forEach(item -> instances.add(instance(resource, address, scope, item, item)));
            return instances;
        }
        String why = "for_each is " + forEach.value().source() + ": " + reason(value);
        Scope unknown = scope.with("each", new Value.Unknown(why));
        return List.of(new Instance(resource, address, node(resource, unknown), why));
    }

    private static Instance instance(Block resource, String address, Scope scope, Value key, Value value) {
        Scope each = scope.with("each", Value.object(Map.of("key", key, "value", value)));
        return new Instance(resource, address + "[\"" + key.asText().orElse("") + "\"]", node(resource, each), null);
    }

    private static Node node(Block resource, Scope scope) {
        return new Node.Of(resource.body(), scope, resource.file() + ":" + resource.line());
    }

    private static String reason(Value value) {
        return value instanceof Value.Unknown unknown ? unknown.why() : value.show() + ", which Terraform refuses";
    }
}
