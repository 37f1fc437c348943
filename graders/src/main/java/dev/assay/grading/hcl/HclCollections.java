package dev.assay.grading.hcl;

import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tuples ({@code [a, b]}, newlines as space), objects ({@code { k = v }}, entries separated by commas or newlines)
 * and for-expressions ({@code [for ...]}, {@code {for ...}}, newlines as space).
 */
final class HclCollections {
    private HclCollections() {}

    static Expression tuple(HclParser p) {
        Token open = p.read();
        p.including(false);
        if (p.peek().isKeyword("for")) {
            Expression loop = forExpression(p, open);
            p.restoreNewlines();
            return loop;
        }
        List<Expression> items = new ArrayList<>();
        while (!p.peek().is("]")) {
            items.add(HclExpressions.expression(p));
            Token next = p.peek();
            if (next.is("]")) {
                break;
            }
            if (!next.is(",")) {
                throw p.error(
                        next,
                        next.kind() == Kind.END
                                ? "the [ on line " + open.line() + " is never closed"
                                : "expected ',' between the items of the list opened on line " + open.line()
                                        + ", found " + HclParser.describe(next));
            }
            p.read();
        }
        p.read();
        p.restoreNewlines();
        return new Expression.Tuple(List.copyOf(items), p.sourceFrom(open.start()));
    }

    static Expression object(HclParser p) {
        Token open = p.read();
        p.including(false);
        boolean loop = p.peek().isKeyword("for");
        p.restoreNewlines();
        if (loop) {
            p.including(false);
            Expression result = forExpression(p, open);
            p.restoreNewlines();
            return result;
        }
        p.including(true);
        List<Expression.Entry> entries = new ArrayList<>();
        while (true) {
            Token token = p.peek();
            if (token.kind() == Kind.NEWLINE) {
                p.read();
                continue;
            }
            if (token.is("}")) {
                p.read();
                break;
            }
            entries.add(entry(p, open));
            Token next = p.peek();
            if (next.is("}")) {
                p.read();
                break;
            }
            if (!next.is(",") && next.kind() != Kind.NEWLINE) {
                throw p.error(
                        next,
                        next.kind() == Kind.END
                                ? "the { on line " + open.line() + " is never closed"
                                : "expected a newline or ',' before the next key, found " + HclParser.describe(next));
            }
            p.read();
        }
        p.restoreNewlines();
        return new Expression.ObjectValue(List.copyOf(entries), p.sourceFrom(open.start()));
    }

    private static Expression.Entry entry(HclParser p, Token open) {
        Expression key = HclExpressions.expression(p);
        Token equals = p.peek();
        if (!equals.is("=") && !equals.is(":")) {
            throw p.error(
                    equals,
                    switch (equals.kind()) {
                        case NEWLINE -> "expected '=' and a value after the key " + HclParser.excerpt(key.source());
                        case END -> "the { on line " + open.line() + " is never closed";
                        default ->
                            equals.is(",")
                                    ? "expected '=' and a value after the key " + HclParser.excerpt(key.source())
                                    : "expected '=' after the key " + HclParser.excerpt(key.source())
                                            + " (quote a key holding dots or spaces)";
                    });
        }
        p.read();
        Expression value = HclExpressions.expression(p);
        boolean bare = key instanceof Expression.Reference reference
                && reference.steps().isEmpty();
        return new Expression.Entry(key, bare, value);
    }

    /** After [ or {: {@code for [key,] value in collection : [key =>] value[...] [if condition]}. */
    private static Expression forExpression(HclParser p, Token open) {
        boolean object = open.is("{");
        p.read(); // for
        String value = name(p, "a name after 'for'");
        String key = "";
        if (p.peek().is(",")) {
            p.read();
            key = value;
            value = name(p, "the value's name after ','");
        }
        if (!p.peek().isKeyword("in")) {
            throw p.error(p.peek(), "expected 'in' after the names of a for expression");
        }
        p.read();
        Expression collection = HclExpressions.expression(p);
        expect(p, ":", "expected ':' after the collection of a for expression");
        Expression result = HclExpressions.expression(p);
        Expression resultKey = null;
        if (p.peek().is("=>")) {
            p.read();
            resultKey = result;
            result = HclExpressions.expression(p);
        }
        Token ellipsis = p.peek().is("...") ? p.read() : null;
        Expression condition = null;
        if (p.peek().isKeyword("if")) {
            p.read();
            condition = HclExpressions.expression(p);
        }
        expect(p, object ? "}" : "]", "unexpected " + HclParser.describe(p.peek()) + " in the for expression");
        check(p, open, object, resultKey, ellipsis);
        return new Expression.For(
                key, value, collection, resultKey, result, condition, ellipsis != null, p.sourceFrom(open.start()));
    }

    private static void check(
            HclParser p, Token open, boolean object, @Nullable Expression key, @Nullable Token ellipsis) {
        if (!object && key != null) {
            throw p.error(open, "a for expression making a list has no 'key =>'");
        }
        if (!object && ellipsis != null) {
            throw p.error(ellipsis, "a for expression making a list cannot group with ...");
        }
        if (object && key == null) {
            throw p.error(open, "a for expression making an object needs 'key => value'");
        }
    }

    private static String name(HclParser p, String what) {
        Token token = p.peek();
        if (token.kind() != Kind.IDENT) {
            throw p.error(token, "expected " + what + ", found " + HclParser.describe(token));
        }
        return p.read().text();
    }

    private static void expect(HclParser p, String punct, String message) {
        if (!p.peek().is(punct)) {
            throw p.error(p.peek(), message);
        }
        p.read();
    }
}
