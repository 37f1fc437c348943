package dev.assay.grading.hcl;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import dev.assay.grading.hcl.HclLexer.Kind;
import dev.assay.grading.hcl.HclLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies of attributes and blocks, as HashiCorp's parser reads them: an attribute ends its line, a block's
 * { opens on its header's line and its } ends a line, a one-line block holds one attribute, and an argument is
 * set once per body. Newlines end attributes and separate object entries, but inside (), [], for-expressions
 * and template sequences they are only space ({@link #including}).
 */
final class HclParser {
    /** Deeper nesting than any real module has; it would only exhaust the stack. */
    static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private final String source;
    private final String file;
    private final Deque<Boolean> newlines = new ArrayDeque<>(List.of(Boolean.TRUE));
    private int next;
    private int lastEnd;
    private int depth;

    HclParser(List<Token> tokens, String source, String file) {
        this.tokens = tokens;
        this.source = source;
        this.file = file;
    }

    Body file() {
        return body(null);
    }

    /** The body up to {@code open}'s matching }, or to the end of the file when {@code open} is null. */
    private Body body(@org.jspecify.annotations.Nullable Token open) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> set = new LinkedHashMap<>();
        while (true) {
            Token token = peek();
            if (open == null ? token.kind() == Kind.END : token.is("}")) {
                read();
                return new Body(List.copyOf(attributes), List.copyOf(blocks));
            }
            if (token.kind() == Kind.NEWLINE) {
                read();
            } else if (token.kind() == Kind.IDENT) {
                Token name = read();
                if (peek().is("=")) {
                    Attribute attribute = attribute(name, false);
                    Attribute before = set.putIfAbsent(attribute.name(), attribute);
                    if (before != null) {
                        throw error(
                                name,
                                "the argument " + name.text() + " is already set on line " + before.line()
                                        + ": an argument is set once per block");
                    }
                    attributes.add(attribute);
                } else {
                    blocks.add(block(name));
                }
            } else {
                throw error(token, bodyProblem(token, open));
            }
        }
    }

    private static String bodyProblem(Token token, @org.jspecify.annotations.Nullable Token open) {
        if (token.kind() == Kind.END && open != null) {
            return "the block opened on line " + open.line() + " is not closed with }";
        }
        if (token.kind() == Kind.OQUOTE) {
            return "an argument name is written without quotes";
        }
        if (token.is("}") && open == null) {
            return "this } closes no block";
        }
        return "expected an argument or a block, found " + describe(token);
    }

    private Attribute attribute(Token name, boolean oneLine) {
        read(); // =
        Expression value = HclExpressions.expression(this);
        if (!oneLine) {
            Token end = peek();
            if (end.kind() == Kind.NEWLINE) {
                read();
            } else if (end.kind() != Kind.END) {
                throw error(
                        end,
                        end.is(",")
                                ? "arguments are separated by newlines, not commas"
                                : "expected the end of the line after " + name.text() + ", found " + describe(end)
                                        + " (one argument per line)");
            }
        }
        return new Attribute(name.text(), value, file, name.line());
    }

    private Block block(Token type) {
        List<String> labels = new ArrayList<>();
        Token open;
        while (true) {
            Token token = peek();
            if (token.is("{")) {
                open = read();
                break;
            } else if (token.kind() == Kind.OQUOTE) {
                labels.add(HclTemplates.label(this));
            } else if (token.kind() == Kind.IDENT) {
                labels.add(read().text());
            } else {
                throw error(token, blockProblem(type, token));
            }
        }
        enter(open);
        Token first = peek();
        Body body;
        if (first.kind() == Kind.NEWLINE || first.kind() == Kind.END || first.is("}")) {
            body = body(open);
        } else {
            body = oneLineBody(open);
        }
        leave();
        Token end = peek();
        if (end.kind() == Kind.NEWLINE) {
            read();
        } else if (end.kind() != Kind.END) {
            throw error(end, "expected the end of the line after the block's }, found " + describe(end));
        }
        return new Block(type.text(), List.copyOf(labels), body, file, type.line());
    }

    private static String blockProblem(Token type, Token token) {
        if (token.is("=")) {
            return "expected '{' to open the block " + type.text() + " (a block has no '='), or a value after '='";
        }
        if (token.kind() == Kind.NEWLINE) {
            return "a block's { must be on the line of its type and labels (" + type.text() + ")";
        }
        return "expected '=' after the attribute " + type.text() + ", or '{' to open the block, found "
                + describe(token);
    }

    /** {@code name { attr = value }}: one attribute, closed on its line. */
    private Body oneLineBody(Token open) {
        Token name = read();
        if (name.kind() != Kind.IDENT || !peek().is("=")) {
            throw error(name, "a block written on one line holds exactly one argument (name = value)");
        }
        Attribute attribute = attribute(name, true);
        Token close = peek();
        if (!close.is("}")) {
            throw error(
                    close,
                    close.kind() == Kind.END
                            ? "the block opened on line " + open.line() + " is not closed with }"
                            : "a block written on one line holds one argument and closes on that line");
        }
        read();
        return new Body(List.of(attribute), List.of());
    }

    // The peeker: comments are skipped (a line comment still ends its line), newlines only when not included.

    Token peek() {
        return visible(false);
    }

    Token read() {
        return visible(true);
    }

    private Token visible(boolean consume) {
        boolean include = Boolean.TRUE.equals(newlines.peek());
        for (int i = next; ; i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.COMMENT) {
                if (include && token.text().endsWith("\n")) {
                    advance(consume, i, token);
                    return new Token(Kind.NEWLINE, "\n", token.end() - 1, token.end(), token.line(), token.column());
                }
            } else if (token.kind() != Kind.NEWLINE || include) {
                if (token.kind() != Kind.END) {
                    advance(consume, i, token);
                }
                return token;
            }
        }
    }

    private void advance(boolean consume, int index, Token token) {
        if (consume) {
            next = index + 1;
            lastEnd = token.end();
        }
    }

    /** Newlines are tokens (true) or space (false) until the matching {@link #restoreNewlines}. */
    void including(boolean include) {
        newlines.push(include);
    }

    void restoreNewlines() {
        newlines.pop();
    }

    /** Counts a level of nesting, refusing input nested deeper than {@link #MAX_DEPTH}. */
    void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw error(token, "brackets, templates and blocks nest more than " + MAX_DEPTH + " deep");
        }
    }

    void leave() {
        depth--;
    }

    /** The source from {@code start} to the end of the last token read. */
    String sourceFrom(int start) {
        return source.substring(start, Math.max(start, lastEnd));
    }

    /** Source for a message: its first line, at most 40 characters. */
    static String excerpt(String source) {
        String line = source.lines().findFirst().orElse("");
        return line.length() > 40 || line.length() < source.length()
                ? line.substring(0, Math.min(40, line.length())) + "..."
                : line;
    }

    static String describe(Token token) {
        return switch (token.kind()) {
            case END -> "the end of the file";
            case NEWLINE -> "the end of the line";
            case OQUOTE, CQUOTE, QUOTED_LIT -> "a string";
            case OHEREDOC, CHEREDOC, STRING_LIT -> "a heredoc";
            case COMMENT -> "a comment";
            default -> "'" + token.text() + "'";
        };
    }

    HclException error(Token token, String message) {
        return new HclException(file, token.line(), token.column(), message);
    }
}
