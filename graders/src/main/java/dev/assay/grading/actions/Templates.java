package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${{ }}} expressions of a workflow value. GitHub replaces each with its value before a shell or an
 * action sees the text, so quoting around them in a script protects nothing.
 */
public final class Templates {
    /** What stands in for an expression in a script handed to the shell reader: a plain word. */
    static final Pattern MARKER = Pattern.compile("__gha_expr_(\\d+)__");

    private static final Pattern PATH_LIKE =
            Pattern.compile("[A-Za-z_][\\w-]*(?:\\s*(?:\\.\\s*[\\w*-]+|\\[[^\\]]*\\]))*");

    private Templates() {}

    /** One {@code ${{ }}}: its inner text and its parse (empty when it does not parse). */
    public record Expression(String text, Optional<Expr> parsed) {}

    /** The expressions of a value, in order. */
    public static List<Expression> of(String value) {
        List<Expression> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = value.indexOf("${{", from);
            if (open < 0) {
                return found;
            }
            int close = closing(value, open + 3);
            String inner = value.substring(open + 3, close < 0 ? value.length() : close);
            found.add(new Expression(inner.strip(), ExprParser.parse(inner)));
            if (close < 0) {
                return found;
            }
            from = close + 2;
        }
    }

    /** The value with each expression replaced by a marker word numbered by its place in {@link #of}. */
    static String marked(String value) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int n = 0;
        while (true) {
            int open = value.indexOf("${{", from);
            if (open < 0) {
                return out.append(value.substring(from)).toString();
            }
            int close = closing(value, open + 3);
            out.append(value, from, open).append("__gha_expr_").append(n++).append("__");
            if (close < 0) {
                return out.toString();
            }
            from = close + 2;
        }
    }

    /** The context paths an expression's value can carry; for text that does not parse, every path-like word. */
    public static List<Expr.Path> valuePaths(Expression expression) {
        if (expression.parsed().isPresent()) {
            return Flow.paths(expression.parsed().get());
        }
        List<Expr.Path> paths = new ArrayList<>();
        Matcher matcher = PATH_LIKE.matcher(expression.text());
        while (matcher.find()) {
            ExprParser.parse(matcher.group()).ifPresent(e -> paths.addAll(Flow.paths(e)));
        }
        return paths;
    }

    /** The index of the {@code }}} closing an expression opened before {@code from}, skipping string literals. */
    private static int closing(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '}' && value.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }
}
