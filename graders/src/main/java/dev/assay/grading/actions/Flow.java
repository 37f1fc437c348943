package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which context paths can flow into an expression's value. Functions that only answer true or false
 * ({@code contains}, {@code startsWith}, {@code endsWith}, the status functions, {@code hashFiles}),
 * comparisons and {@code !} let nothing through; {@code &&} and {@code ||} yield one of their operands, and other
 * functions ({@code format}, {@code join}, {@code toJSON}, {@code fromJSON}) their arguments.
 */
final class Flow {
    private static final Set<String> OPAQUE =
            Set.of("contains", "startswith", "endswith", "success", "always", "failure", "cancelled", "hashfiles");

    private Flow() {}

    static List<Expr.Path> paths(Expr expr) {
        List<Expr.Path> paths = new ArrayList<>();
        collect(expr, paths);
        return paths;
    }

    private static void collect(Expr expr, List<Expr.Path> paths) {
        if (expr instanceof Expr.Path path) {
            paths.add(path);
        } else if (expr instanceof Expr.Call call && !OPAQUE.contains(call.name())) {
            call.args().forEach(arg -> collect(arg, paths));
        } else if (expr instanceof Expr.Binary binary
                && (binary.op().equals("&&") || binary.op().equals("||"))) {
            collect(binary.left(), paths);
            collect(binary.right(), paths);
        }
    }

    /** Every path the expression reads, whatever it yields (for "does this job use secrets.X"). */
    static List<Expr.Path> reads(Expr expr) {
        List<Expr.Path> paths = new ArrayList<>();
        read(expr, paths);
        return paths;
    }

    private static void read(Expr expr, List<Expr.Path> paths) {
        if (expr instanceof Expr.Path path) {
            paths.add(path);
        } else if (expr instanceof Expr.Call call) {
            call.args().forEach(arg -> read(arg, paths));
        } else if (expr instanceof Expr.Binary binary) {
            read(binary.left(), paths);
            read(binary.right(), paths);
        } else if (expr instanceof Expr.Not not) {
            read(not.operand(), paths);
        }
    }

    /** The names of every function an expression calls. */
    static List<String> calls(Expr expr) {
        List<String> names = new ArrayList<>();
        call(expr, names);
        return names;
    }

    private static void call(Expr expr, List<String> names) {
        if (expr instanceof Expr.Call call) {
            names.add(call.name());
            call.args().forEach(arg -> call(arg, names));
        } else if (expr instanceof Expr.Binary binary) {
            call(binary.left(), names);
            call(binary.right(), names);
        } else if (expr instanceof Expr.Not not) {
            call(not.operand(), names);
        }
    }

    /** For each call of the function, its literal string arguments. */
    static List<List<String>> literalArgs(Expr expr, String function) {
        List<List<String>> found = new ArrayList<>();
        literal(expr, function, found);
        return found;
    }

    private static void literal(Expr expr, String function, List<List<String>> found) {
        if (expr instanceof Expr.Call call) {
            if (call.name().equals(function)) {
                found.add(call.args().stream()
                        .filter(a -> a instanceof Expr.Literal l && l.value() instanceof String)
                        .map(a -> (String) ((Expr.Literal) a).value())
                        .toList());
            }
            call.args().forEach(arg -> literal(arg, function, found));
        } else if (expr instanceof Expr.Binary binary) {
            literal(binary.left(), function, found);
            literal(binary.right(), function, found);
        } else if (expr instanceof Expr.Not not) {
            literal(not.operand(), function, found);
        }
    }
}
