package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates an expression as Terraform would at plan time, from the module's own files: literals, templates,
 * variables, locals, each/count/iterators, collections, operators, conditionals, for expressions, splats and the
 * functions of {@link Functions}. What plan time cannot know (resource attributes, data sources, module outputs,
 * path, workspace) and what this reader does not model is {@link Value.Unknown}, with why.
 */
public final class Evaluator {
    private Evaluator() {}

    public static Value eval(Expression expression, Scope scope) {
        if (!scope.step()) {
            return new Value.Unknown("the module asks for more evaluation than this grader does");
        }
        try {
            return evaluate(expression, scope);
        } catch (ArithmeticException e) {
            return new Value.Unknown(expression.source() + ": " + e.getMessage());
        }
    }

    private static Value evaluate(Expression expression, Scope scope) {
        if (expression instanceof Expression.Literal literal) {
            return literal(literal.value());
        }
        if (expression instanceof Expression.Template template) {
            return template(template.parts(), scope);
        }
        if (expression instanceof Expression.Reference reference) {
            return reference(reference, scope);
        }
        if (expression instanceof Expression.Relative relative) {
            return Steps.apply(eval(relative.from(), scope), relative.steps(), relative.source());
        }
        if (expression instanceof Expression.Index index) {
            return Steps.index(eval(index.collection(), scope), eval(index.key(), scope), index.source());
        }
        if (expression instanceof Expression.Tuple tuple) {
            List<Value> items = new ArrayList<>();
            tuple.items().forEach(item -> items.add(eval(item, scope)));
            return Value.list(items);
        }
        if (expression instanceof Expression.ObjectValue object) {
            return object(object, scope);
        }
        if (expression instanceof Expression.Parentheses parentheses) {
            return eval(parentheses.inner(), scope);
        }
        return Operators.eval(expression, scope);
    }

    static Value literal(@org.jspecify.annotations.Nullable Object value) {
        if (value instanceof BigDecimal number) {
            return new Value.Num(number);
        }
        if (value instanceof Boolean bool) {
            return new Value.Bool(bool);
        }
        return value == null ? Value.NULL : new Value.Str(value.toString());
    }

    static Value template(List<Expression> parts, Scope scope) {
        StringBuilder text = new StringBuilder();
        for (Expression part : parts) {
            Value value = eval(part, scope);
            if (value instanceof Value.Unknown) {
                return value;
            }
            Optional<String> piece = value.asText();
            if (piece.isEmpty()) {
                return new Value.Unknown(
                        value instanceof Value.Null
                                ? "a template interpolates null"
                                : "a template interpolates " + value.show() + ", which is not a string");
            }
            text.append(piece.get());
        }
        return new Value.Str(text.toString());
    }

    private static Value reference(Expression.Reference reference, Scope scope) {
        Optional<Value> bound = scope.binding(reference.root());
        if (bound.isPresent()) {
            return Steps.apply(bound.get(), reference.steps(), reference.source());
        }
        List<Expression.Step> steps = reference.steps();
        boolean named = !steps.isEmpty() && steps.get(0) instanceof Expression.Attr;
        String root = reference.root();
        if (named && (root.equals("var") || root.equals("local"))) {
            String name = ((Expression.Attr) steps.get(0)).name();
            Value value = root.equals("var") ? scope.variable(name) : scope.local(name);
            return Steps.apply(value, steps.subList(1, steps.size()), reference.source());
        }
        return new Value.Unknown(
                switch (root) {
                    case "each", "count", "self" -> root + " has no value here";
                    case "path", "terraform" -> reference.source() + " is known only when Terraform runs";
                    case "data" -> reference.source() + " is read only when Terraform runs";
                    case "module" -> reference.source() + " comes from a module this grader does not read";
                    default -> reference.source() + " is known only after apply";
                });
    }

    private static Value object(Expression.ObjectValue object, Scope scope) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Expression.Entry entry : object.entries()) {
            Optional<String> name = entry.name();
            if (name.isEmpty()) {
                Value key = eval(entry.key(), scope);
                if (key.asText().isEmpty()) {
                    return new Value.Unknown("the key " + entry.key().source() + " is " + key.show());
                }
                name = key.asText();
            }
            entries.put(name.get(), eval(entry.value(), scope));
        }
        return Value.object(entries);
    }
}
