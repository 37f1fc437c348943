package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Terraform refuses a module whose expressions name a variable, local, resource, data source or module that is
 * not declared. This finds the first such name in resources, data sources, module calls, outputs, providers and
 * locals (lifecycle blocks and provider references are not expressions of values, and are left out).
 */
final class Declarations {
    private static final Set<String> ALWAYS = Set.of("each", "count", "self", "path", "terraform");
    private static final Set<String> NOT_VALUES = Set.of("provider", "providers", "iterator");

    private final Set<String> declared = new HashSet<>();

    private Declarations(Module module) {
        for (Block block : module.blocks()) {
            switch (block.type()) {
                case "resource" -> declared.add(block.label(0) + "." + block.label(1));
                case "data" -> declared.add("data." + block.label(0) + "." + block.label(1));
                case "variable" -> declared.add("var." + block.label(0));
                case "module" -> declared.add("module." + block.label(0));
                default -> {}
            }
        }
        module.locals().keySet().forEach(name -> declared.add("local." + name));
    }

    /** "" when every name is declared, else the first that is not, and where. */
    static String undeclared(Module module) {
        Declarations declarations = new Declarations(module);
        for (Block block : module.blocks()) {
            if (List.of("resource", "data", "module", "output", "provider").contains(block.type())) {
                String found = declarations.body(block.body(), Set.of());
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        for (Attribute local : module.locals().values()) {
            String found = declarations.attribute(local, Set.of());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return "";
    }

    private String body(Body body, Set<String> bound) {
        for (Attribute attribute : body.attributes()) {
            if (!NOT_VALUES.contains(attribute.name())) {
                String found = attribute(attribute, bound);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        for (Block nested : body.blocks()) {
            if (nested.type().equals("lifecycle")) {
                continue;
            }
            Set<String> inner = bound;
            if (nested.type().equals("dynamic")) {
                inner = new HashSet<>(bound);
                inner.add(nested.body()
                        .attribute("iterator")
                        .map(a -> a.value().source())
                        .orElse(nested.label(0)));
            }
            String found = body(nested.body(), inner);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return "";
    }

    private String attribute(Attribute attribute, Set<String> bound) {
        String name = first(attribute.value(), bound);
        return name.isEmpty()
                ? ""
                : attribute.file() + ":" + attribute.line() + " refers to " + name + ", which is not declared";
    }

    /** The first undeclared name in an expression, or "". */
    private String first(Expression expression, Set<String> bound) {
        if (expression instanceof Expression.Reference reference) {
            return check(reference, bound);
        }
        if (expression instanceof Expression.For loop) {
            Set<String> inner = new HashSet<>(bound);
            inner.add(loop.valueVariable());
            inner.add(loop.keyVariable());
            String found = first(loop.collection(), bound);
            List<Expression> parts = new java.util.ArrayList<>(List.of(loop.value()));
            if (loop.key() != null) {
                parts.add(loop.key());
            }
            if (loop.condition() != null) {
                parts.add(loop.condition());
            }
            for (Expression part : parts) {
                found = found.isEmpty() ? first(part, inner) : found;
            }
            return found;
        }
        for (Expression child : Children.of(expression)) {
            String found = first(child, bound);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return "";
    }

    private String check(Expression.Reference reference, Set<String> bound) {
        String root = reference.root();
        if (ALWAYS.contains(root) || bound.contains(root)) {
            return "";
        }
        List<String> names = reference.steps().stream()
                .takeWhile(s -> s instanceof Expression.Attr)
                .map(s -> ((Expression.Attr) s).name())
                .toList();
        int length = root.equals("data") ? 2 : 1;
        if (names.size() < length) {
            return reference.source();
        }
        String name = root + "." + String.join(".", names.subList(0, length));
        return declared.contains(name) ? "" : name;
    }
}
