package dev.assay.grading.hcl;

import dev.assay.grading.hcl.Expression.Attr;
import dev.assay.grading.hcl.Expression.Key;
import dev.assay.grading.hcl.Expression.Step;
import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expressions, with HCL's precedence: the conditional, then || && (== !=) (< <= > >=) (+ -) (* / %), all left
 * associative, then unary - and !, then terms and their traversals ({@code .name}, {@code [key]}, {@code .0},
 * splats).
 */
final class HclExpressions {
    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"),
            Set.of("&&"),
            Set.of("==", "!="),
            Set.of("<", "<=", ">", ">="),
            Set.of("+", "-"),
            Set.of("*", "/", "%"));

    private HclExpressions() {}

    static Expression expression(HclParser p) {
        Token first = p.peek();
        p.enter(first);
        Expression condition = binary(p, 0);
        if (!p.peek().is("?")) {
            p.leave();
            return condition;
        }
        p.read();
        Expression then = expression(p);
        Token colon = p.peek();
        if (!colon.is(":")) {
            throw p.error(colon, "expected ':' and the value when false, found " + HclParser.describe(colon));
        }
        p.read();
        Expression otherwise = expression(p);
        p.leave();
        return new Expression.Conditional(condition, then, otherwise, p.sourceFrom(first.start()));
    }

    private static Expression binary(HclParser p, int level) {
        if (level == LEVELS.size()) {
            return withTraversals(p);
        }
        int start = p.peek().start();
        Expression left = binary(p, level + 1);
        while (p.peek().kind() == Kind.PUNCT
                && LEVELS.get(level).contains(p.peek().text())) {
            String operator = p.read().text();
            Expression right = binary(p, level + 1);
            left = new Expression.Operation(operator, List.of(left, right), p.sourceFrom(start));
        }
        return left;
    }

    static Expression withTraversals(HclParser p) {
        int start = p.peek().start();
        return HclTraversals.traversals(p, term(p), start);
    }

    private static Expression term(HclParser p) {
        Token token = p.peek();
        switch (token.kind()) {
            case NUMBER -> {
                p.read();
                return number(p, token);
            }
            case IDENT -> {
                p.read();
                if (p.peek().is("(")) {
                    return call(p, token);
                }
                return switch (token.text()) {
                    case "true" -> new Expression.Literal(Boolean.TRUE, "true");
                    case "false" -> new Expression.Literal(Boolean.FALSE, "false");
                    case "null" -> new Expression.Literal(null, "null");
                    default -> new Expression.Reference(token.text(), List.of(), token.text());
                };
            }
            case OQUOTE, OHEREDOC -> {
                return HclTemplates.template(p);
            }
            default -> {
                return punctuationTerm(p, token);
            }
        }
    }

    private static Expression punctuationTerm(HclParser p, Token token) {
        if (token.is("(")) {
            p.read();
            p.including(false);
            Expression inner = expression(p);
            Token close = p.peek();
            if (!close.is(")")) {
                throw p.error(
                        close,
                        "expected ')' to close the ( on line " + token.line() + ", found " + HclParser.describe(close));
            }
            p.read();
            p.restoreNewlines();
            return new Expression.Parentheses(inner, p.sourceFrom(token.start()));
        }
        if (token.is("-") || token.is("!")) {
            p.read();
            Expression operand = withTraversals(p);
            return new Expression.Operation(token.is("-") ? "neg" : "!", List.of(operand), p.sourceFrom(token.start()));
        }
        if (token.is("[")) {
            return HclCollections.tuple(p);
        }
        if (token.is("{")) {
            return HclCollections.object(p);
        }
        throw p.error(token, "expected a value, found " + HclParser.describe(token));
    }

    static Expression.Literal number(HclParser p, Token token) {
        BigDecimal value = HclText.number(token.text());
        if (value == null) {
            throw p.error(token, token.text() + " is not a number (to write an address or a CIDR, quote it)");
        }
        return new Expression.Literal(value, token.text());
    }

    private static Expression call(HclParser p, Token name) {
        Token open = p.read();
        p.including(false);
        List<Expression> arguments = new ArrayList<>();
        boolean expand = false;
        while (!p.peek().is(")")) {
            arguments.add(expression(p));
            Token separator = p.read();
            if (separator.is(")")) {
                p.restoreNewlines();
                return new Expression.Call(name.text(), List.copyOf(arguments), false, p.sourceFrom(name.start()));
            }
            if (separator.is("...")) {
                expand = true;
                if (!p.peek().is(")")) {
                    throw p.error(separator, "an argument expanded with ... must be the last one");
                }
                break;
            }
            if (!separator.is(",")) {
                throw p.error(
                        separator,
                        separator.kind() == Kind.END
                                ? "the ( of " + name.text() + " on line " + open.line() + " is never closed"
                                : "expected ',' between the arguments of " + name.text() + ", found "
                                        + HclParser.describe(separator));
            }
        }
        p.read();
        p.restoreNewlines();
        return new Expression.Call(name.text(), List.copyOf(arguments), expand, p.sourceFrom(name.start()));
    }

    /** A traversal step's literal key: a number, bool or null literal, or a string of one literal part. */
    static Step key(Expression key) {
        if (key instanceof Expression.Literal literal) {
            return new Key(literal.value());
        }
        Expression.Template template = (Expression.Template) key;
        return new Key(((Expression.Literal) template.parts().get(0)).value());
    }

    static boolean literalKey(Expression key) {
        return key instanceof Expression.Literal
                || key instanceof Expression.Template template
                        && !template.wrap()
                        && template.parts().size() == 1
                        && template.parts().get(0) instanceof Expression.Literal;
    }

    static Step attr(String name) {
        return new Attr(name);
    }
}
