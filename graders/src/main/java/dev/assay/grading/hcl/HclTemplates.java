package dev.assay.grading.hcl;

import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Quoted strings and heredocs: first a flat list of pieces (literal runs with escapes resolved, interpolations,
 * directive markers), where {@code ${~} and {@code ~}} trim the space of the literal run next to them; then, for
 * {@code <<-} heredocs, the smallest indentation of its lines is removed; then if/for directives nest
 * ({@link HclDirectives}).
 */
final class HclTemplates {
    /** A piece of a template before directives nest. */
    sealed interface Piece permits Text, Value, Directive {}

    /** A literal run; {@code value} is mutable so that trim markers and indentation can act on it. */
    static final class Text implements Piece {
        String value;
        final String source;

        Text(String value, String source) {
            this.value = value;
            this.source = source;
        }
    }

    record Value(Expression expression) implements Piece {}

    /** %{if cond}, %{for k, v in coll}, %{else}, %{endif}, %{endfor}. */
    record Directive(
            String keyword,
            @Nullable Expression expression,
            String keyVariable,
            String valueVariable,
            Token token,
            String source)
            implements Piece {}

    private HclTemplates() {}

    /** The template starting at the opening quote or heredoc marker the parser is at. */
    static Expression template(HclParser p) {
        Token open = p.read();
        p.enter(open);
        boolean quoted = open.kind() == Kind.OQUOTE;
        Kind closer = quoted ? Kind.CQUOTE : Kind.CHEREDOC;
        List<Piece> pieces = pieces(p, open, quoted, closer);
        boolean wrap = pieces.size() == 1 && pieces.get(0) instanceof Value;
        if (pieces.isEmpty()) {
            pieces.add(new Text("", ""));
        }
        if (open.text().startsWith("<<-")) {
            HclIndent.flush(pieces);
        }
        List<Expression> parts = new HclDirectives(p, pieces).parts();
        p.leave();
        return new Expression.Template(parts, wrap, p.sourceFrom(open.start()));
    }

    private static List<Piece> pieces(HclParser p, Token open, boolean quoted, Kind closer) {
        List<Piece> pieces = new ArrayList<>();
        boolean trimNext = false;
        boolean afterText = false;
        while (true) {
            Token token = p.read();
            if (token.kind() == closer) {
                return pieces;
            }
            boolean trim = trimNext;
            trimNext = false;
            boolean canTrimBefore = afterText;
            afterText = false;
            if (token.kind() == Kind.QUOTED_LIT || token.kind() == Kind.STRING_LIT) {
                String value = literal(p, token, quoted);
                pieces.add(new Text(trim ? HclText.trimLeft(value) : value, token.text()));
                afterText = true;
            } else if (token.kind() == Kind.INTERP || token.kind() == Kind.CONTROL) {
                if (canTrimBefore && token.text().endsWith("~") && pieces.get(pieces.size() - 1) instanceof Text text) {
                    text.value = HclText.trimRight(text.value);
                }
                p.including(false);
                pieces.add(token.kind() == Kind.INTERP ? new Value(HclExpressions.expression(p)) : directive(p, token));
                Token end = p.peek();
                if (end.kind() != Kind.SEQ_END) {
                    throw p.error(
                            end,
                            "expected } to end the " + token.text() + " sequence, found " + HclParser.describe(end)
                                    + (end.is(":") ? " (write $${ for a literal ${)" : ""));
                }
                p.read();
                trimNext = end.text().startsWith("~");
                p.restoreNewlines();
            } else {
                throw p.error(open, quoted ? "this string is not closed with \"" : "this heredoc is not closed");
            }
        }
    }

    private static String literal(HclParser p, Token token, boolean quoted) {
        StringBuilder problem = new StringBuilder();
        String value = HclText.unescape(token.text(), quoted, problem);
        if (problem.length() > 0) {
            throw p.error(token, problem.toString());
        }
        return value;
    }

    private static Directive directive(HclParser p, Token open) {
        Token keyword = p.peek();
        if (keyword.kind() != Kind.IDENT) {
            throw p.error(keyword, "expected if, for, else, endif or endfor after %{");
        }
        p.read();
        return switch (keyword.text()) {
            case "if" -> new Directive("if", HclExpressions.expression(p), "", "", open, p.sourceFrom(open.start()));
            case "else", "endif", "endfor" ->
                new Directive(keyword.text(), null, "", "", open, p.sourceFrom(open.start()));
            case "for" -> forDirective(p, open);
            default ->
                throw p.error(
                        keyword,
                        "'" + keyword.text() + "' is not a template directive (if, for, else," + " endif, endfor)");
        };
    }

    private static Directive forDirective(HclParser p, Token open) {
        String value = name(p);
        String key = "";
        if (p.peek().is(",")) {
            p.read();
            key = value;
            value = name(p);
        }
        if (!p.peek().isKeyword("in")) {
            throw p.error(p.peek(), "expected 'in' after the names of a for directive");
        }
        p.read();
        Expression collection = HclExpressions.expression(p);
        return new Directive("for", collection, key, value, open, p.sourceFrom(open.start()));
    }

    private static String name(HclParser p) {
        Token token = p.peek();
        if (token.kind() != Kind.IDENT) {
            throw p.error(token, "expected a name in the for directive, found " + HclParser.describe(token));
        }
        return p.read().text();
    }

    /** A block label: a quoted string with escapes but no ${ or %{. */
    static String label(HclParser p) {
        Token open = p.read();
        StringBuilder label = new StringBuilder();
        while (true) {
            Token token = p.read();
            switch (token.kind()) {
                case CQUOTE -> {
                    return label.toString();
                }
                case QUOTED_LIT -> label.append(literal(p, token, true));
                case INTERP, CONTROL ->
                    throw p.error(
                            token,
                            "a block label cannot hold " + token.text().charAt(0) + "{ (write "
                                    + token.text().charAt(0) + token.text().charAt(0) + "{ for it literally)");
                default -> throw p.error(open, "this label is not closed with \"");
            }
        }
    }
}
