package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Parses GitHub's expression language: literals, context paths with property, index and object-filter access,
 * function calls, {@code !}, comparisons, {@code &&} and {@code ||}. Hostile input is bounded: a too long or too
 * deeply nested expression is not parsed (empty), never a stack overflow.
 */
public final class ExprParser {
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_DEPTH = 64;
    private static final java.util.Set<String> COMPARISONS = java.util.Set.of("<", "<=", ">", ">=");

    private final List<String> tokens;
    private int at;
    private int depth;

    private ExprParser(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The expression, or empty when it is not one GitHub would accept (as far as this parser knows). */
    public static Optional<Expr> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<String> tokens = ExprTokens.of(text);
        if (tokens == null) {
            return Optional.empty();
        }
        ExprParser parser = new ExprParser(tokens);
        try {
            Expr expr = parser.or();
            return parser.at == tokens.size() ? Optional.of(expr) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private @Nullable String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean accept(String token) {
        if (token.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalStateException("unexpected end");
        }
        return tokens.get(at++);
    }

    private Expr or() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        Expr left = and();
        while (accept("||")) {
            left = new Expr.Binary("||", left, and());
        }
        depth--;
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (accept("&&")) {
            left = new Expr.Binary("&&", left, equality());
        }
        return left;
    }

    private Expr equality() {
        Expr left = comparison();
        while ("==".equals(peek()) || "!=".equals(peek())) {
            left = new Expr.Binary(next(), left, comparison());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = unary();
        while (COMPARISONS.contains(String.valueOf(peek()))) {
            left = new Expr.Binary(next(), left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (accept("!")) {
            if (++depth > MAX_DEPTH) {
                throw new IllegalStateException("too deep");
            }
            Expr operand = unary();
            depth--;
            return new Expr.Not(operand);
        }
        return postfix(primary());
    }

    private Expr primary() {
        String token = next();
        if (token.equals("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        if (token.startsWith("'")) {
            return new Expr.Literal(token.substring(1, token.length() - 1).replace("''", "'"));
        }
        if (Character.isDigit(token.charAt(0)) || token.startsWith("-") || token.startsWith(".")) {
            return new Expr.Literal(ExprTokens.number(token));
        }
        if (!ExprTokens.isIdentifier(token)) {
            throw new IllegalStateException("unexpected " + token);
        }
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "true" -> new Expr.Literal(true);
            case "false" -> new Expr.Literal(false);
            case "null" -> new Expr.Literal(null);
            default -> accept("(") ? call(token) : new Expr.Path(new ArrayList<>(List.of(lower(token))));
        };
    }

    private Expr call(String name) {
        List<Expr> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(or());
            } while (accept(","));
            expect(")");
        }
        return new Expr.Call(lower(name), List.copyOf(args));
    }

    private Expr postfix(Expr base) {
        Expr expr = base;
        while (true) {
            String segment;
            if (accept(".")) {
                segment = next();
                if (!segment.equals("*") && !ExprTokens.isIdentifier(segment)) {
                    throw new IllegalStateException("bad property " + segment);
                }
            } else if (accept("[")) {
                segment = index();
            } else {
                return expr instanceof Expr.Path path ? new Expr.Path(List.copyOf(path.segments())) : expr;
            }
            expr = member(expr, lower(segment));
        }
    }

    private String index() {
        if (accept("*")) {
            expect("]");
            return "*";
        }
        Expr index = or();
        expect("]");
        return index instanceof Expr.Literal literal && literal.value() instanceof String name ? name : "*";
    }

    private static Expr member(Expr base, String segment) {
        if (base instanceof Expr.Path path) {
            List<String> segments = new ArrayList<>(path.segments());
            segments.add(segment);
            return new Expr.Path(segments);
        }
        return new Expr.Call(".", List.of(base));
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalStateException("expected " + token);
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
