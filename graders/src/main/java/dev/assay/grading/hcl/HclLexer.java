package dev.assay.grading.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL native syntax into tokens: identifiers, numbers, quoted templates (kept whole, interpolations and
 * all), heredocs, punctuation and newlines (which end attributes). Comments ({@code #}, {@code //} and
 * {@code /* *\/}) are dropped; a line comment still ends its line.
 */
final class HclLexer {
    enum Kind {
        IDENT,
        NUMBER,
        STRING,
        HEREDOC,
        PUNCT,
        NEWLINE,
        END
    }

    /** A token: its kind, its text (a string's or heredoc's content without quotes or markers), and position. */
    record Token(Kind kind, String text, int start, int end, int line, int column) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final List<String> TWO_CHAR = List.of("==", "!=", "<=", ">=", "&&", "||", "=>", "::");

    private final String source;
    private final String file;
    private int at;
    private int line = 1;
    private int lineStart;

    private HclLexer(String source, String file) {
        this.source = source;
        this.file = file;
    }

    static List<Token> tokens(String source, String file) {
        return new HclLexer(source, file).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments(tokens);
            if (at >= source.length()) {
                tokens.add(token(Kind.END, "", at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = source.charAt(at);
        int start = at;
        if (c == '\n') {
            at++;
            Token newline = token(Kind.NEWLINE, "\n", start);
            newLine();
            return newline;
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < source.length() && isIdentPart(source.charAt(at))) {
                at++;
            }
            return token(Kind.IDENT, source.substring(start, at), start);
        }
        if (Character.isDigit(c)) {
            while (at < source.length()
                    && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '.')
                    && !(source.charAt(at) == '.' && !nextIsDigit())) {
                at++;
            }
            return token(Kind.NUMBER, source.substring(start, at), start);
        }
        if (c == '"') {
            return quoted(start);
        }
        if (source.startsWith("<<", at) && heredocAhead()) {
            return heredoc(start);
        }
        String two = at + 2 <= source.length() ? source.substring(at, at + 2) : "";
        if (TWO_CHAR.contains(two) || source.startsWith("...", at)) {
            at += source.startsWith("...", at) ? 3 : 2;
            return token(Kind.PUNCT, source.substring(start, at), start);
        }
        if ("{}[]()=,.:?!+-*/%<>".indexOf(c) >= 0) {
            at++;
            return token(Kind.PUNCT, String.valueOf(c), start);
        }
        throw error("unexpected character '" + c + "'", start);
    }

    private boolean nextIsDigit() {
        return at + 1 < source.length() && Character.isDigit(source.charAt(at + 1));
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** A quoted template, kept whole: interpolations may nest braces and strings of their own. */
    private Token quoted(int start) {
        at++;
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\n' && depth == 0) {
                break;
            }
            if (c == '\\' && at + 1 < source.length()) {
                text.append(c).append(source.charAt(at + 1));
                at += 2;
                continue;
            }
            if (depth == 0 && c == '"') {
                at++;
                return token(Kind.STRING, text.toString(), start);
            }
            if (source.startsWith("$${", at) || source.startsWith("%%{", at)) {
                text.append(source, at, at + 3);
                at += 3;
                continue;
            }
            if ((c == '$' || c == '%') && source.startsWith("{", at + 1)) {
                depth++;
                text.append(c).append('{');
                at += 2;
                continue;
            }
            if (depth > 0 && c == '}') {
                depth--;
            } else if (depth > 0 && c == '"') {
                Token inner = quoted(at);
                text.append('"').append(inner.text()).append('"');
                continue;
            }
            text.append(c);
            at++;
        }
        throw error("this string is not closed with \" on its line", start);
    }

    private boolean heredocAhead() {
        int i = at + 2 + (source.startsWith("-", at + 2) ? 1 : 0);
        return i < source.length() && (Character.isLetter(source.charAt(i)) || source.charAt(i) == '_');
    }

    private Token heredoc(int start) {
        at += 2;
        boolean indented = source.startsWith("-", at);
        at += indented ? 1 : 0;
        int markerStart = at;
        while (at < source.length() && isIdentPart(source.charAt(at))) {
            at++;
        }
        String marker = source.substring(markerStart, at);
        int newline = source.indexOf('\n', at);
        if (newline < 0) {
            throw error("heredoc <<" + marker + " has no body", start);
        }
        StringBuilder body = new StringBuilder();
        int cursor = newline + 1;
        int startLine = line;
        int startColumn = start - lineStart + 1;
        line++;
        while (cursor <= source.length()) {
            int end = source.indexOf('\n', cursor);
            String text = source.substring(cursor, end < 0 ? source.length() : end);
            if (text.strip().equals(marker)) {
                at = cursor + text.length();
                lineStart = cursor;
                return new Token(Kind.HEREDOC, body.toString(), start, at, startLine, startColumn);
            }
            body.append(text).append('\n');
            if (end < 0) {
                break;
            }
            cursor = end + 1;
            line++;
        }
        throw error("heredoc <<" + marker + " is not closed by a line holding " + marker, start);
    }

    private void skipSpaceAndComments(List<Token> tokens) {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r') {
                at++;
            } else if (c == '#' || source.startsWith("//", at)) {
                while (at < source.length() && source.charAt(at) != '\n') {
                    at++;
                }
            } else if (source.startsWith("/*", at)) {
                int close = source.indexOf("*/", at + 2);
                if (close < 0) {
                    throw error("this comment is not closed with */", at);
                }
                for (int i = at; i < close; i++) {
                    if (source.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                at = close + 2;
            } else {
                return;
            }
        }
    }

    private void newLine() {
        line++;
        lineStart = at;
    }

    private Token token(Kind kind, String text, int start) {
        return new Token(kind, text, start, at, line, start - lineStart + 1);
    }

    private HclException error(String message, int position) {
        return new HclException(file, line, position - lineStart + 1, message);
    }
}
