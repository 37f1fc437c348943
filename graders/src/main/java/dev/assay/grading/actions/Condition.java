package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates an {@code if:} for a {@link Scenario} as GitHub would: with or without {@code ${{ }}}, strings compared
 * ignoring case, values of mixed types compared as numbers, {@code &&}/{@code ||} yielding an operand. What the
 * scenario does not fix (a step output, a variable) is unknown, and so is what depends on it. An {@code if:} with
 * text around its {@code ${{ }}} is a string, which is always true.
 */
public final class Condition {
    private Condition() {}

    /** A value: known (possibly null) or not, with its truth. */
    private record Value(boolean known, @Nullable Object value, Tri truth) {
        static Value unknown() {
            return new Value(false, null, Tri.UNKNOWN);
        }

        static Value unknown(Tri truth) {
            return new Value(false, null, truth);
        }

        static Value of(@Nullable Object value) {
            return new Value(true, value, Tri.of(truthy(value)));
        }
    }

    /** Whether the condition holds in the scenario; a missing {@code if:} holds. */
    public static Tri evaluate(JsonNode condition, Scenario scenario) {
        if (condition.isMissingNode() || condition.isNull()) {
            return Tri.TRUE;
        }
        if (!condition.isTextual()) {
            return Value.of(condition.isBoolean() ? condition.asBoolean() : (Object) condition.asDouble())
                    .truth();
        }
        return parse(condition.asText()).map(e -> eval(e, scenario).truth()).orElse(Tri.UNKNOWN);
    }

    /** The expression of an {@code if:} text; a string with text around an expression is the literal "true". */
    static Optional<Expr> parse(String text) {
        String t = text.strip();
        List<Templates.Expression> expressions = Templates.of(t);
        if (expressions.isEmpty()) {
            return ExprParser.parse(t);
        }
        if (expressions.size() == 1 && t.startsWith("${{") && t.endsWith("}}")) {
            return expressions.get(0).parsed();
        }
        return Optional.of(new Expr.Literal(true));
    }

    /** Whether the expression calls a status function, which replaces the implicit success() on needs. */
    static boolean overridesNeeds(JsonNode condition) {
        if (!condition.isTextual()) {
            return false;
        }
        return parse(condition.asText())
                .map(e -> Flow.calls(e).stream()
                        .anyMatch(n -> List.of("always", "failure", "cancelled").contains(n)))
                .orElse(true);
    }

    private static Value eval(Expr expr, Scenario scenario) {
        if (expr instanceof Expr.Literal literal) {
            return Value.of(literal.value());
        }
        if (expr instanceof Expr.Path path) {
            return path(path.segments(), scenario);
        }
        if (expr instanceof Expr.Not not) {
            return truthValue(eval(not.operand(), scenario).truth().not());
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary, scenario);
        }
        return call((Expr.Call) expr, scenario);
    }

    private static Value truthValue(Tri truth) {
        return truth == Tri.UNKNOWN ? Value.unknown() : Value.of(truth == Tri.TRUE);
    }

    private static Value path(List<String> segments, Scenario scenario) {
        if (segments.size() == 2 && segments.get(0).equals("github")) {
            Object value = scenario.github(segments.get(1));
            return value == null ? Value.unknown() : Value.of(value);
        }
        String path = String.join(".", segments);
        if (path.equals("github.event.ref") && scenario.event().equals("push")) {
            return scenario.ref() == null ? Value.unknown() : Value.of(scenario.ref());
        }
        if (path.equals("github.event.workflow_run.head_branch")
                && scenario.event().equals("workflow_run")) {
            return Value.of(scenario.foreignBranch());
        }
        return Value.unknown();
    }

    private static Value binary(Expr.Binary binary, Scenario scenario) {
        Value left = eval(binary.left(), scenario);
        if (binary.op().equals("&&") || binary.op().equals("||")) {
            boolean and = binary.op().equals("&&");
            if (left.truth() == (and ? Tri.FALSE : Tri.TRUE)) {
                return left;
            }
            Value right = eval(binary.right(), scenario);
            if (left.truth() != Tri.UNKNOWN) {
                return right;
            }
            return Value.unknown(
                    and ? left.truth().and(right.truth()) : left.truth().or(right.truth()));
        }
        Value right = eval(binary.right(), scenario);
        if (!left.known() || !right.known()) {
            return Value.unknown();
        }
        return Value.of(Compare.holds(binary.op(), left.value(), right.value()));
    }

    private static Value call(Expr.Call call, Scenario scenario) {
        List<Value> args = call.args().stream().map(a -> eval(a, scenario)).toList();
        switch (call.name()) {
            case "success", "always" -> {
                return Value.of(true);
            }
            case "cancelled" -> {
                return Value.of(false);
            }
            case "contains", "startswith", "endswith" -> {
                if (args.size() != 2 || !args.get(0).known() || !args.get(1).known()) {
                    return Value.unknown();
                }
                return Value.of(Compare.text(
                        call.name(), args.get(0).value(), args.get(1).value()));
            }
            default -> {
                return Value.unknown();
            }
        }
    }

    static boolean truthy(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
        }
        return !value.toString().isEmpty();
    }

    static String lower(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }
}
