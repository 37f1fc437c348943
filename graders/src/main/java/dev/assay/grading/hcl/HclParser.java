package dev.assay.grading.hcl;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import dev.assay.grading.hcl.Hcl.Expression;
import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds bodies and expressions from tokens. An attribute's expression runs to the end of its line, or further
 * while brackets are open; its shape (literal, template, reference, tuple, object) is recognised when it is one
 * of those as a whole, else its source text is kept as {@link Hcl.Other}.
 */
final class HclParser {
    /** Deeper nesting than any real module has; it would only exhaust the stack. */
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private final String source;
    private final String file;
    private int at;
    private int depth;

    HclParser(List<Token> tokens, String source, String file) {
        this.tokens = tokens;
        this.source = source;
        this.file = file;
    }

    Body file() {
        return body(false);
    }

    private Body body(boolean inBraces) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token token = tokens.get(at);
            if (token.kind() == Kind.END || token.is("}")) {
                if (inBraces != token.is("}")) {
                    throw error(token, inBraces ? "a block is not closed with }" : "this } closes no block");
                }
                return new Body(List.copyOf(attributes), List.copyOf(blocks));
            }
            if (token.kind() != Kind.IDENT) {
                throw error(token, "expected an attribute name or a block type, found " + describe(token));
            }
            at++;
            if (tokens.get(at).is("=")) {
                at++;
                attributes.add(new Attribute(token.text(), expression(), file, token.line()));
            } else {
                blocks.add(block(token));
            }
            Token after = tokens.get(at);
            if (after.kind() != Kind.NEWLINE && after.kind() != Kind.END && !after.is("}")) {
                throw error(after, "expected the end of the line after " + token.text() + ", found " + describe(after));
            }
        }
    }

    private Block block(Token type) {
        List<String> labels = new ArrayList<>();
        while (tokens.get(at).kind() == Kind.STRING || tokens.get(at).kind() == Kind.IDENT) {
            labels.add(tokens.get(at++).text());
        }
        Token open = tokens.get(at);
        if (!open.is("{")) {
            throw error(
                    open,
                    "expected '=' after the attribute " + type.text() + ", or '{' to open the block, found "
                            + describe(open));
        }
        at++;
        if (++depth >= MAX_DEPTH) {
            throw error(open, "brackets and blocks nest more than " + MAX_DEPTH + " deep");
        }
        Body body = body(true);
        depth--;
        at++; // the closing brace body() stopped at
        return new Block(type.text(), List.copyOf(labels), body, file, type.line());
    }

    /** The expression starting here, up to a newline, comma or closing bracket outside brackets of its own. */
    private Expression expression() {
        int from = at;
        java.util.Deque<Token> open = new java.util.ArrayDeque<>();
        while (true) {
            Token token = tokens.get(at);
            if (token.kind() == Kind.END) {
                if (!open.isEmpty()) {
                    throw error(open.peek(), "this " + open.peek().text() + " is never closed");
                }
                break;
            }
            if (open.isEmpty() && (token.kind() == Kind.NEWLINE || token.is(",") || closes(token))) {
                break;
            }
            if (open.isEmpty() && token.is("=") && at > from) {
                Token previous = tokens.get(at - 1);
                throw error(
                        previous,
                        "expected the end of the line before " + describe(previous) + " (one attribute per line)");
            }
            if (opens(token)) {
                if (open.size() + depth >= MAX_DEPTH) {
                    throw error(token, "brackets and blocks nest more than " + MAX_DEPTH + " deep");
                }
                open.push(token);
            } else if (closes(token)) {
                Token opener = open.pop();
                if (!token.text().equals(closer(opener))) {
                    throw error(
                            opener,
                            "this " + opener.text() + " is closed by " + token.text() + " on line " + token.line()
                                    + "; expected " + closer(opener));
                }
            }
            at++;
        }
        if (from == at) {
            throw error(tokens.get(at), "expected a value, found " + describe(tokens.get(at)));
        }
        return shape(from, at);
    }

    private Expression shape(int from, int to) {
        Token first = tokens.get(from);
        String text = source.substring(first.start(), tokens.get(to - 1).end());
        if (to - from == 1) {
            return single(first);
        }
        if (to - from == 2 && first.is("-") && tokens.get(from + 1).kind() == Kind.NUMBER) {
            BigDecimal number = number(tokens.get(from + 1).text());
            return number == null ? new Hcl.Other(text) : new Hcl.Literal(number.negate(), text);
        }
        boolean forExpression = tokens.get(from + 1).kind() == Kind.IDENT
                && tokens.get(from + 1).text().equals("for");
        if (first.is("[") && close(from) == to - 1 && !forExpression) {
            return new Hcl.Tuple(items(from + 1, to - 1), text);
        }
        if (first.is("{") && close(from) == to - 1 && !forExpression) {
            return new Hcl.ObjectValue(entries(from + 1, to - 1), text);
        }
        return traversal(from, to) ? new Hcl.Reference(text) : new Hcl.Other(text);
    }

    private static Expression single(Token token) {
        if (token.kind() == Kind.STRING || token.kind() == Kind.HEREDOC) {
            String raw = token.text();
            boolean interpolated = raw.replace("$${", "").replace("%%{", "").contains("${")
                    || raw.replace("%%{", "").contains("%{");
            return interpolated
                    ? new Hcl.Template(raw)
                    : new Hcl.Literal(token.kind() == Kind.STRING ? unescape(raw) : raw, raw);
        }
        if (token.kind() == Kind.NUMBER) {
            BigDecimal number = number(token.text());
            return number == null ? new Hcl.Other(token.text()) : new Hcl.Literal(number, token.text());
        }
        if (token.kind() == Kind.IDENT) {
            return switch (token.text()) {
                case "true" -> new Hcl.Literal(Boolean.TRUE, "true");
                case "false" -> new Hcl.Literal(Boolean.FALSE, "false");
                case "null" -> new Hcl.Literal(null, "null");
                default -> new Hcl.Reference(token.text());
            };
        }
        return new Hcl.Other(token.text());
    }

    /** IDENT then any of .name, .0, .*, [index]: a reference such as aws_s3_bucket.site.id or var.list[0]. */
    private boolean traversal(int from, int to) {
        if (tokens.get(from).kind() != Kind.IDENT) {
            return false;
        }
        int i = from + 1;
        while (i < to) {
            Token token = tokens.get(i);
            if (token.is(".") && i + 1 < to) {
                Token next = tokens.get(i + 1);
                if (next.kind() != Kind.IDENT && next.kind() != Kind.NUMBER && !next.is("*")) {
                    return false;
                }
                i += 2;
            } else if (token.is("[")) {
                i = close(i) + 1;
            } else {
                return false;
            }
        }
        return i == to;
    }

    private List<Expression> items(int from, int to) {
        List<Expression> items = new ArrayList<>();
        at = from;
        while (true) {
            skipNewlines();
            if (at >= to) {
                break;
            }
            items.add(expression());
            skipNewlines();
            if (tokens.get(at).is(",")) {
                at++;
            }
        }
        at = to + 1;
        return List.copyOf(items);
    }

    private Map<String, Expression> entries(int from, int to) {
        Map<String, Expression> entries = new LinkedHashMap<>();
        at = from;
        while (true) {
            skipNewlines();
            if (at >= to) {
                break;
            }
            Token key = tokens.get(at);
            String name = key.kind() == Kind.STRING ? unescape(key.text()) : key.text();
            if (key.is("(")) {
                int close = close(at);
                name = source.substring(key.start(), tokens.get(close).end());
                at = close;
            }
            at++;
            Token equals = tokens.get(at);
            if (!equals.is("=") && !equals.is(":")) {
                throw error(equals, "expected '=' or ':' after the key " + name + ", found " + describe(equals));
            }
            at++;
            entries.put(name, expression());
            if (tokens.get(at).is(",")) {
                at++;
            }
        }
        at = to + 1;
        return entries;
    }

    /** The index of the bracket closing the one at {@code open}. */
    private int close(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += opens(tokens.get(i)) ? 1 : closes(tokens.get(i)) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw error(tokens.get(open), "this " + tokens.get(open).text() + " is never closed");
    }

    private static String closer(Token opener) {
        return opener.is("{") ? "}" : opener.is("[") ? "]" : ")";
    }

    private static boolean opens(Token token) {
        return token.is("{") || token.is("[") || token.is("(");
    }

    private static boolean closes(Token token) {
        return token.is("}") || token.is("]") || token.is(")");
    }

    private void skipNewlines() {
        while (tokens.get(at).kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private static @org.jspecify.annotations.Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A quoted string's escapes: \n \r \t \" \\ and \\uXXXX. */
    static String unescape(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 < raw.length() && raw.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                        out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case END -> "the end of the file";
            case NEWLINE -> "the end of the line";
            case STRING -> "a string";
            case HEREDOC -> "a heredoc";
            default -> "'" + token.text() + "'";
        };
    }

    private HclException error(Token token, String message) {
        return new HclException(file, token.line(), token.column(), message);
    }
}
