package dev.assay.grading.hcl;

import dev.assay.grading.hcl.Expression.Step;
import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps after a term: {@code .name}, {@code .0} (the legacy index; {@code .0.1} is refused, as it reads as
 * the number 0.1), {@code [key]} (a step when the key is a literal, else an index expression), {@code .*} (which
 * takes only the name and number steps after it) and {@code [*]} (which takes all of them).
 */
final class HclTraversals {
    private HclTraversals() {}

    static Expression traversals(HclParser p, Expression from, int start) {
        Expression result = from;
        while (true) {
            Token token = p.peek();
            if (token.is(".")) {
                p.read();
                result = afterDot(p, result, start);
            } else if (token.is("[")) {
                p.read();
                result = afterBracket(p, result, token, start);
            } else {
                return result;
            }
        }
    }

    private static Expression afterDot(HclParser p, Expression from, int start) {
        Token token = p.peek();
        if (token.kind() == Kind.IDENT) {
            p.read();
            return extend(from, HclExpressions.attr(token.text()), p.sourceFrom(start));
        }
        if (token.kind() == Kind.NUMBER) {
            p.read();
            return extend(from, legacyIndex(p, token), p.sourceFrom(start));
        }
        if (token.is("*")) {
            Token star = p.read();
            List<Step> steps = new ArrayList<>();
            while (p.peek().is(".")) {
                p.read();
                Token step = p.peek();
                if (step.kind() == Kind.NUMBER) {
                    steps.add(legacyIndex(p, p.read()));
                } else if (step.kind() == Kind.IDENT) {
                    steps.add(HclExpressions.attr(p.read().text()));
                } else {
                    throw p.error(
                            step, step.is("*") ? "a splat (.*) cannot hold another" : "expected a name after '.'");
                }
            }
            Expression item = new Expression.SplatItem(".*");
            Expression each = steps.isEmpty()
                    ? item
                    : new Expression.Relative(item, List.copyOf(steps), p.sourceFrom(star.end()));
            return new Expression.Splat(from, each, p.sourceFrom(start));
        }
        throw p.error(token, "expected a name after '.', found " + HclParser.describe(token));
    }

    private static Step legacyIndex(HclParser p, Token number) {
        if (number.text().contains(".")) {
            throw p.error(
                    number,
                    "." + number.text() + " reads as one number: write the indexes as ["
                            + number.text().replace(".", "][") + "]");
        }
        return new Expression.Key(HclExpressions.number(p, number).value());
    }

    private static Expression afterBracket(HclParser p, Expression from, Token open, int start) {
        if (p.peek().is("*")) {
            p.read();
            Token close = p.read();
            if (!close.is("]")) {
                throw p.error(close, "expected ']' right after [*");
            }
            Expression item = new Expression.SplatItem("[*]");
            Expression each = traversals(p, item, close.end());
            return new Expression.Splat(from, each, p.sourceFrom(start));
        }
        p.including(false);
        Expression key = HclExpressions.expression(p);
        Token close = p.read();
        if (!close.is("]")) {
            throw p.error(
                    close,
                    "expected ']' to close the [ on line " + open.line() + ", found " + HclParser.describe(close));
        }
        p.restoreNewlines();
        if (HclExpressions.literalKey(key)) {
            return extend(from, HclExpressions.key(key), p.sourceFrom(start));
        }
        return new Expression.Index(from, key, p.sourceFrom(start));
    }

    /** A name or relative traversal gains the step; anything else becomes the start of a relative traversal. */
    private static Expression extend(Expression from, Step step, String source) {
        if (from instanceof Expression.Reference reference) {
            return new Expression.Reference(reference.root(), append(reference.steps(), step), source);
        }
        if (from instanceof Expression.Relative relative) {
            return new Expression.Relative(relative.from(), append(relative.steps(), step), source);
        }
        return new Expression.Relative(from, List.of(step), source);
    }

    private static List<Step> append(List<Step> steps, Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return List.copyOf(more);
    }
}
