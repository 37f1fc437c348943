package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What names mean where an expression is evaluated: the module's variables (values as Terraform would plan with
 * the module's own files) and locals, and the names bound around it: each, count, a dynamic block's iterator, a
 * for expression's variables.
 */
public final class Scope {
    private final Map<String, Value> variables;
    private final Map<String, Expression> locals;
    private final Map<String, Value> localValues;
    private final Set<String> evaluating;
    private final Map<String, Value> bindings;
    private final int[] budget;

    /** Evaluation steps one module may take (a second or so): candidate files may ask for far more than any real one. */
    static final int BUDGET = 1_000_000;

    /** Locals referring to locals deeper than this are not followed (the stack, not Terraform, would give out). */
    private static final int LOCAL_DEPTH = 64;

    public Scope(Map<String, Value> variables, Map<String, Expression> locals) {
        this(variables, locals, new HashMap<>(), new HashSet<>(), Map.of(), new int[] {BUDGET});
    }

    private Scope(
            Map<String, Value> variables,
            Map<String, Expression> locals,
            Map<String, Value> localValues,
            Set<String> evaluating,
            Map<String, Value> bindings,
            int[] budget) {
        this.variables = variables;
        this.locals = locals;
        this.localValues = localValues;
        this.evaluating = evaluating;
        this.bindings = bindings;
        this.budget = budget;
    }

    /** Takes one step of the module's budget; false when it is spent. */
    boolean step() {
        return --budget[0] >= 0;
    }

    /** This scope with one more name bound (each, count, an iterator, a for variable). */
    public Scope with(String name, Value value) {
        Map<String, Value> more = new HashMap<>(bindings);
        more.put(name, value);
        return new Scope(variables, locals, localValues, evaluating, Map.copyOf(more), budget);
    }

    Optional<Value> binding(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    Value variable(String name) {
        Value value = variables.get(name);
        return value == null ? new Value.Unknown("var." + name + " is not declared") : value;
    }

    /** A local's value, evaluated once; locals see only variables and other locals, never the bindings here. */
    Value local(String name) {
        Value cached = localValues.get(name);
        if (cached != null) {
            return cached;
        }
        Expression expression = locals.get(name);
        if (expression == null) {
            return new Value.Unknown("local." + name + " is not declared");
        }
        if (evaluating.size() > LOCAL_DEPTH) {
            return new Value.Unknown("local." + name + " is reached through more than " + LOCAL_DEPTH + " locals");
        }
        if (!evaluating.add(name)) {
            return new Value.Unknown("local." + name + " refers to itself");
        }
        Scope base = new Scope(variables, locals, localValues, evaluating, Map.of(), budget);
        Value value = Evaluator.eval(expression, base);
        evaluating.remove(name);
        localValues.put(name, value);
        return value;
    }
}
