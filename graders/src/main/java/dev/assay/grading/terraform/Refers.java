package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a block's arguments refer to a declared resource of a type ({@code aws_s3_bucket.site.id}), directly
 * or through locals; depends_on and lifecycle are not arguments of the resource and do not count.
 */
public final class Refers {
    private Refers() {}

    public static boolean to(Module module, Block block, String type) {
        Set<String> declared = new HashSet<>();
        module.resources(type).forEach(r -> declared.add(r.label(1)));
        return body(module, block.body(), type, declared, new HashSet<>());
    }

    private static boolean body(Module module, Body body, String type, Set<String> declared, Set<String> seen) {
        for (Attribute attribute : body.attributes()) {
            if (!attribute.name().equals("depends_on") && expression(module, attribute.value(), type, declared, seen)) {
                return true;
            }
        }
        return body.blocks().stream()
                .filter(b -> !b.type().equals("lifecycle"))
                .anyMatch(b -> body(module, b.body(), type, declared, seen));
    }

    private static boolean expression(
            Module module, Expression expression, String type, Set<String> declared, Set<String> seen) {
        if (expression instanceof Expression.Reference reference) {
            if (reference.root().equals(type)
                    && !reference.steps().isEmpty()
                    && reference.steps().get(0) instanceof Expression.Attr name
                    && declared.contains(name.name())) {
                return true;
            }
            if (reference.root().equals("local")
                    && !reference.steps().isEmpty()
                    && reference.steps().get(0) instanceof Expression.Attr local
                    && seen.add(local.name())
                    && module.locals().containsKey(local.name())) {
                return expression(module, module.locals().get(local.name()).value(), type, declared, seen);
            }
            return false;
        }
        return Children.of(expression).stream().anyMatch(child -> expression(module, child, type, declared, seen));
    }
}
