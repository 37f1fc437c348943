package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operators, conditionals, for expressions, splats and calls. */
final class Operators {
    /** The binding a splat's item is evaluated with: no HCL name can be empty. */
    private static final String SPLAT_ITEM = "";

    private Operators() {}

    static Value eval(Expression expression, Scope scope) {
        if (expression instanceof Expression.Operation operation) {
            return operation.operands().size() == 1 ? unary(operation, scope) : binary(operation, scope);
        }
        if (expression instanceof Expression.Conditional conditional) {
            return conditional(conditional, scope);
        }
        if (expression instanceof Expression.For loop) {
            return Loops.eval(loop, scope);
        }
        if (expression instanceof Expression.TemplateFor join) {
            return Loops.join(join.loop(), scope);
        }
        if (expression instanceof Expression.Splat splat) {
            return splat(splat, scope);
        }
        if (expression instanceof Expression.SplatItem) {
            return scope.binding(SPLAT_ITEM).orElse(new Value.Unknown("a splat item outside a splat"));
        }
        if (expression instanceof Expression.Call call) {
            List<Value> arguments = new ArrayList<>();
            call.arguments().forEach(argument -> arguments.add(Evaluator.eval(argument, scope)));
            return Functions.call(call.name(), arguments, call.expandLast());
        }
        return new Value.Unknown(expression.source() + " is not evaluated");
    }

    private static Value unary(Expression.Operation operation, Scope scope) {
        Value operand = Evaluator.eval(operation.operands().get(0), scope);
        if (operand instanceof Value.Unknown) {
            return operand;
        }
        if (operation.operator().equals("!")) {
            return operand instanceof Value.Bool b ? new Value.Bool(!b.value()) : error(operation, operand);
        }
        BigDecimal number = Functions.number(operand);
        return number == null ? error(operation, operand) : new Value.Num(number.negate());
    }

    private static Value binary(Expression.Operation operation, Scope scope) {
        String operator = operation.operator();
        Value left = Evaluator.eval(operation.operands().get(0), scope);
        if (operator.equals("&&") && left instanceof Value.Bool b && !b.value()
                || operator.equals("||") && left instanceof Value.Bool c && c.value()) {
            return left;
        }
        Value right = Evaluator.eval(operation.operands().get(1), scope);
        if (left instanceof Value.Unknown) {
            return left;
        }
        if (right instanceof Value.Unknown) {
            return right;
        }
        return switch (operator) {
            case "==" -> new Value.Bool(Functions.same(left, right));
            case "!=" -> new Value.Bool(!Functions.same(left, right));
            case "&&", "||" ->
                left instanceof Value.Bool && right instanceof Value.Bool r
                        ? right
                        : error(operation, left instanceof Value.Bool ? right : left);
            default -> arithmetic(operation, left, right);
        };
    }

    private static Value arithmetic(Expression.Operation operation, Value leftValue, Value rightValue) {
        BigDecimal left = Functions.number(leftValue);
        BigDecimal right = Functions.number(rightValue);
        if (left == null || right == null) {
            return error(operation, left == null ? leftValue : rightValue);
        }
        return switch (operation.operator()) {
            case "+" -> new Value.Num(left.add(right));
            case "-" -> new Value.Num(left.subtract(right));
            case "*" -> new Value.Num(left.multiply(right));
            case "/" ->
                right.signum() == 0
                        ? new Value.Unknown("division by zero in " + operation.source())
                        : new Value.Num(left.divide(right, MathContext.DECIMAL128));
            case "%" ->
                right.signum() == 0
                        ? new Value.Unknown("modulo by zero in " + operation.source())
                        : new Value.Num(left.remainder(right));
            case "<" -> new Value.Bool(left.compareTo(right) < 0);
            case "<=" -> new Value.Bool(left.compareTo(right) <= 0);
            case ">" -> new Value.Bool(left.compareTo(right) > 0);
            default -> new Value.Bool(left.compareTo(right) >= 0);
        };
    }

    private static Value conditional(Expression.Conditional conditional, Scope scope) {
        Value condition = Evaluator.eval(conditional.condition(), scope);
        if (condition instanceof Value.Bool b) {
            return Evaluator.eval(b.value() ? conditional.then() : conditional.otherwise(), scope);
        }
        if (condition instanceof Value.Unknown unknown) {
            Value then = Evaluator.eval(conditional.then(), scope);
            Value otherwise = Evaluator.eval(conditional.otherwise(), scope);
            return then.known() && Functions.same(then, otherwise) ? then : unknown;
        }
        return new Value.Unknown("the condition of " + conditional.source() + " is not a bool");
    }

    private static Value splat(Expression.Splat splat, Scope scope) {
        Value from = Evaluator.eval(splat.from(), scope);
        if (from instanceof Value.Unknown) {
            return from;
        }
        if (from instanceof Value.Null) {
            return Value.list(List.of());
        }
        List<Value> items = from instanceof Value.Seq seq ? seq.items() : List.of(from);
        List<Value> each = new ArrayList<>();
        items.forEach(item -> each.add(Evaluator.eval(splat.each(), scope.with(SPLAT_ITEM, item))));
        return Value.list(each);
    }

    private static Value error(Expression.Operation operation, Value operand) {
        return new Value.Unknown(
                operation.source() + " cannot apply " + operation.operator() + " to " + operand.show());
    }

    /** Bindings of a for expression: its key and value names. */
    static Map<String, Value> bind(String key, Value keyValue, String value, Value item) {
        Map<String, Value> bound = new LinkedHashMap<>();
        if (!key.isEmpty()) {
            bound.put(key, keyValue);
        }
        bound.put(value, item);
        return bound;
    }
}
