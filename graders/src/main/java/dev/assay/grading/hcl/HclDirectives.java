package dev.assay.grading.hcl;

import dev.assay.grading.hcl.HclTemplates.Directive;
import dev.assay.grading.hcl.HclTemplates.Piece;
import dev.assay.grading.hcl.HclTemplates.Text;
import dev.assay.grading.hcl.HclTemplates.Value;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A template's pieces as parts: {@code %{if}...%{else}...%{endif}} becomes a conditional of two templates,
 * {@code %{for}...%{endfor}} a {@link Expression.TemplateFor}; an empty branch or body is the empty string.
 * Literal strings are Unicode NFC, as HCL's values are.
 */
final class HclDirectives {
    private final HclParser parser;
    private final List<Piece> pieces;
    private int at;

    HclDirectives(HclParser parser, List<Piece> pieces) {
        this.parser = parser;
        this.pieces = pieces;
    }

    List<Expression> parts() {
        List<Expression> parts = new ArrayList<>();
        while (at < pieces.size()) {
            parts.add(next());
        }
        return List.copyOf(parts);
    }

    private Expression next() {
        Piece piece = pieces.get(at++);
        if (piece instanceof Text text) {
            return new Expression.Literal(Normalizer.normalize(text.value, Normalizer.Form.NFC), text.source);
        }
        if (piece instanceof Value value) {
            return value.expression();
        }
        Directive directive = (Directive) piece;
        return switch (directive.keyword()) {
            case "if" -> conditional(directive);
            case "for" -> loop(directive);
            default ->
                throw parser.error(
                        directive.token(),
                        "%{" + directive.keyword() + "} without its %{if}"
                                + (directive.keyword().equals("endfor") ? " or %{for}" : ""));
        };
    }

    private Expression conditional(Directive open) {
        List<Expression> then = new ArrayList<>();
        List<Expression> otherwise = new ArrayList<>();
        List<Expression> current = then;
        while (true) {
            Directive end = closing(open);
            if (end == null) {
                current.add(next());
            } else if (end.keyword().equals("else") && current == then) {
                current = otherwise;
            } else if (end.keyword().equals("endif")) {
                break;
            } else {
                throw parser.error(
                        end.token(),
                        "unexpected %{" + end.keyword() + "} in the %{if} on line "
                                + open.token().line());
            }
        }
        String source = source(open);
        return new Expression.Conditional(
                Objects.requireNonNull(open.expression()), branch(then), branch(otherwise), source);
    }

    private Expression loop(Directive open) {
        List<Expression> body = new ArrayList<>();
        while (true) {
            Directive end = closing(open);
            if (end == null) {
                body.add(next());
            } else if (end.keyword().equals("endfor")) {
                break;
            } else {
                throw parser.error(
                        end.token(),
                        "unexpected %{" + end.keyword() + "} in the %{for} on line "
                                + open.token().line());
            }
        }
        String source = source(open);
        Expression.For loop = new Expression.For(
                open.keyVariable(),
                open.valueVariable(),
                Objects.requireNonNull(open.expression()),
                null,
                branch(body),
                null,
                false,
                source);
        return new Expression.TemplateFor(loop, source);
    }

    /** The else/endif/endfor directive here (consumed), or null when the next piece is content. */
    private @org.jspecify.annotations.Nullable Directive closing(Directive open) {
        if (at >= pieces.size()) {
            throw parser.error(
                    open.token(), "%{" + open.keyword() + "} is not closed with %{end" + open.keyword() + "}");
        }
        if (pieces.get(at) instanceof Directive directive
                && !directive.keyword().equals("if")
                && !directive.keyword().equals("for")) {
            at++;
            return directive;
        }
        return null;
    }

    private static Expression branch(List<Expression> parts) {
        List<Expression> content = parts.isEmpty() ? List.of(new Expression.Literal("", "")) : List.copyOf(parts);
        return new Expression.Template(content, false, "");
    }

    private static String source(Directive open) {
        return open.source();
    }
}
