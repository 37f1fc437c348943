package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.util.ArrayList;
import java.util.List;

/** The expressions directly inside an expression. */
final class Children {
    private Children() {}

    static List<Expression> of(Expression expression) {
        List<Expression> children = new ArrayList<>();
        if (expression instanceof Expression.Template template) {
            children.addAll(template.parts());
        } else if (expression instanceof Expression.Relative relative) {
            children.add(relative.from());
        } else if (expression instanceof Expression.Index index) {
            children.add(index.collection());
            children.add(index.key());
        } else if (expression instanceof Expression.Splat splat) {
            children.add(splat.from());
            children.add(splat.each());
        } else if (expression instanceof Expression.Tuple tuple) {
            children.addAll(tuple.items());
        } else if (expression instanceof Expression.ObjectValue object) {
            object.entries().forEach(e -> {
                if (!e.bare()) {
                    children.add(e.key());
                }
                children.add(e.value());
            });
        } else if (expression instanceof Expression.Call call) {
            children.addAll(call.arguments());
        } else if (expression instanceof Expression.Operation operation) {
            children.addAll(operation.operands());
        } else if (expression instanceof Expression.Conditional conditional) {
            children.addAll(List.of(conditional.condition(), conditional.then(), conditional.otherwise()));
        } else if (expression instanceof Expression.For loop) {
            children.add(loop.collection());
            children.add(loop.value());
            if (loop.key() != null) {
                children.add(loop.key());
            }
            if (loop.condition() != null) {
                children.add(loop.condition());
            }
        } else if (expression instanceof Expression.TemplateFor join) {
            children.add(join.loop());
        } else if (expression instanceof Expression.Parentheses parentheses) {
            children.add(parentheses.inner());
        }
        return children;
    }
}
