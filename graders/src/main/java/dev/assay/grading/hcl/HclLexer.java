package dev.assay.grading.hcl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits HCL native syntax into the tokens HashiCorp's scanner makes: names, numbers, punctuation, newlines,
 * comments, and templates (quoted strings and heredocs) as their literal runs, interpolation and directive openers
 * and sequence ends. Characters the language does not use are refused here, with where.
 */
final class HclLexer {
    enum Kind {
        IDENT,
        NUMBER,
        PUNCT,
        NEWLINE,
        COMMENT,
        OQUOTE,
        CQUOTE,
        OHEREDOC,
        CHEREDOC,
        /** A run of a quoted string, escapes not yet resolved. */
        QUOTED_LIT,
        /** A run of one heredoc line (ending with its newline, if it reaches it). */
        STRING_LIT,
        /** {@code ${} or {@code ${~}. */
        INTERP,
        /** {@code %{} or {@code %{~}. */
        CONTROL,
        /** {@code }} or {@code ~}} closing an interpolation or directive. */
        SEQ_END,
        END
    }

    /** A token: its kind, its text as written, and where it starts. */
    record Token(Kind kind, String text, int start, int end, int line, int column) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        boolean isKeyword(String word) {
            return kind == Kind.IDENT && text.equals(word);
        }
    }

    private enum Mode {
        BRACE,
        INTERP,
        QUOTED,
        HEREDOC
    }

    private static final List<String> OPERATORS = List.of(
            "...", "==", "!=", "<=", ">=", "&&", "||", "=>", "{", "}", "[", "]", "(", ")", "=", "<", ">", "!", "+", "-",
            "*", "/", "%", "?", ":", ".", ",");

    private final String source;
    private final String file;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Mode> modes = new ArrayDeque<>();
    /** The markers of the heredocs open, innermost first, and whether each is at the start of a line. */
    private final Deque<String> markers = new ArrayDeque<>();

    private boolean lineStart;
    private int at;
    private int line = 1;
    private int lineBegin;

    private HclLexer(String source, String file) {
        this.source = source;
        this.file = file;
    }

    static List<Token> tokens(String source, String file) {
        HclLexer lexer = new HclLexer(source, file);
        if (source.startsWith("\uFEFF")) {
            lexer.at = 1;
            lexer.lineBegin = 1;
        }
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            Mode mode = modes.peek();
            if (mode == Mode.QUOTED) {
                quoted();
            } else if (mode == Mode.HEREDOC) {
                heredoc();
            } else if (!normal()) {
                add(Kind.END, at);
                return;
            }
        }
    }

    /** One token of the normal syntax; false at the end of the input. */
    private boolean normal() {
        skipSpaces();
        if (at >= source.length()) {
            if (!modes.isEmpty() && modes.peek() == Mode.INTERP) {
                throw error("a template sequence ${ or %{ is not closed with }", at);
            }
            return false;
        }
        int start = at;
        char c = source.charAt(at);
        if (c == '\n' || source.startsWith("\r\n", at)) {
            at += c == '\n' ? 1 : 2;
            add(Kind.NEWLINE, start);
            newLine();
        } else if (c == '#' || source.startsWith("//", at)) {
            lineComment(start);
        } else if (source.startsWith("/*", at)) {
            blockComment(start);
        } else if (HclText.isIdentStart(source.codePointAt(at))) {
            identifier(start);
        } else if (c >= '0' && c <= '9') {
            number(start);
        } else if (c == '"') {
            at++;
            add(Kind.OQUOTE, start);
            modes.push(Mode.QUOTED);
        } else if (source.startsWith("<<", at) && heredocOpens()) {
            return true;
        } else {
            punctuation(start, c);
        }
        return true;
    }

    private void skipSpaces() {
        while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
            at++;
        }
    }

    private void identifier(int start) {
        at += Character.charCount(source.codePointAt(at));
        while (at < source.length() && HclText.isIdentPart(source.codePointAt(at))) {
            at += Character.charCount(source.codePointAt(at));
        }
        add(Kind.IDENT, start);
    }

    /** Digits, dots and exponents ({@code e5}, {@code E-3}), never ending with a dot: {@code 1.2.3} is one token. */
    private void number(int start) {
        int end = at;
        int i = at;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isDigit(c) && c < 128) {
                end = ++i;
            } else if (c == '.') {
                i++;
            } else if ((c == 'e' || c == 'E') && exponentAt(i + 1)) {
                i += (source.charAt(i + 1) == '+' || source.charAt(i + 1) == '-') ? 3 : 2;
                end = i;
            } else {
                break;
            }
        }
        at = end;
        add(Kind.NUMBER, start);
    }

    private boolean exponentAt(int i) {
        int digit = i < source.length() && (source.charAt(i) == '+' || source.charAt(i) == '-') ? i + 1 : i;
        return digit < source.length() && source.charAt(digit) >= '0' && source.charAt(digit) <= '9';
    }

    private void punctuation(int start, char c) {
        if (c == '}' && modes.peek() == Mode.INTERP || source.startsWith("~}", at) && modes.peek() == Mode.INTERP) {
            at += c == '~' ? 2 : 1;
            modes.pop();
            add(Kind.SEQ_END, start);
            return;
        }
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, at)) {
                at += operator.length();
                if (operator.equals("{")) {
                    modes.push(Mode.BRACE);
                } else if (operator.equals("}") && modes.peek() == Mode.BRACE) {
                    modes.pop();
                }
                add(Kind.PUNCT, start);
                return;
            }
        }
        throw error(HclText.invalidCharacter(source.codePointAt(at)), start);
    }

    private void lineComment(int start) {
        int newline = source.indexOf('\n', at);
        at = newline < 0 ? source.length() : newline + 1;
        add(Kind.COMMENT, start);
        if (newline >= 0) {
            newLine();
        }
    }

    private void blockComment(int start) {
        int close = source.indexOf("*/", at + 2);
        if (close < 0) {
            throw error("this comment is not closed with */", start);
        }
        Token token =
                new Token(Kind.COMMENT, source.substring(start, close + 2), start, close + 2, line, column(start));
        for (int i = at; i < close; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineBegin = i + 1;
            }
        }
        at = close + 2;
        tokens.add(token);
    }

    /** {@code <<EOT} or {@code <<-EOT} and the end of its line open a heredoc; anything else is not HCL. */
    private boolean heredocOpens() {
        int i = at + 2 + (source.startsWith("-", at + 2) ? 1 : 0);
        if (i >= source.length() || !HclText.isIdentStart(source.codePointAt(i))) {
            throw error("expected a heredoc such as <<EOT or <<-EOT, its marker ending the line", at);
        }
        int markerStart = i;
        while (i < source.length() && HclText.isIdentPart(source.codePointAt(i))) {
            i += Character.charCount(source.codePointAt(i));
        }
        String marker = source.substring(markerStart, i);
        int eol = source.startsWith("\r\n", i) ? 2 : source.startsWith("\n", i) ? 1 : 0;
        if (eol == 0) {
            throw error("a heredoc marker <<" + marker + " must end its line", at);
        }
        int start = at;
        at = i + eol;
        add(Kind.OHEREDOC, start);
        newLine();
        modes.push(Mode.HEREDOC);
        markers.push(marker);
        lineStart = true;
        return true;
    }

    /** The rest of a quoted string up to its end or its next ${ or %{. */
    private void quoted() {
        int start = at;
        while (true) {
            if (at >= source.length()) {
                flushLiteral(Kind.QUOTED_LIT, start);
                throw error("this string is not closed with \"", start);
            }
            char c = source.charAt(at);
            if (c == '"' || opensSequence()) {
                flushLiteral(Kind.QUOTED_LIT, start);
                if (c == '"') {
                    int quote = at++;
                    add(Kind.CQUOTE, quote);
                    modes.pop();
                } else {
                    sequence();
                }
                return;
            }
            if (c == '\n' || c == '\r') {
                throw error("a quoted string cannot span lines: use \\n, or a heredoc (<<EOT)", at);
            }
            checkEncoding(at);
            at += escapedSequence()
                    ? 3
                    : c == '\\' && at + 1 < source.length() && source.charAt(at + 1) != '\n' ? 2 : 1;
        }
    }

    /** The rest of a heredoc's line, its closing marker, or its next ${ or %{. */
    private void heredoc() {
        if (lineStart && closesHeredoc()) {
            return;
        }
        lineStart = false;
        int start = at;
        while (true) {
            if (at >= source.length()) {
                throw error("heredoc <<" + markers.peek() + " is not closed by a line holding " + markers.peek(), at);
            }
            if (opensSequence()) {
                flushLiteral(Kind.STRING_LIT, start);
                sequence();
                return;
            }
            char c = source.charAt(at);
            checkEncoding(at);
            at += escapedSequence() ? 3 : 1;
            if (c == '\n') {
                add(Kind.STRING_LIT, start);
                newLine();
                lineStart = true;
                return;
            }
        }
    }

    private boolean closesHeredoc() {
        int i = at;
        while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
            i++;
        }
        String marker = markers.peek();
        if (!source.startsWith(marker, i)) {
            return false;
        }
        int end = i + marker.length();
        while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
            end++;
        }
        if (!source.startsWith("\n", end) && !source.startsWith("\r\n", end)) {
            return false;
        }
        int start = at;
        at = end;
        add(Kind.CHEREDOC, start);
        modes.pop();
        markers.pop();
        lineStart = false;
        return true;
    }

    private boolean opensSequence() {
        return source.startsWith("${", at) || source.startsWith("%{", at);
    }

    /** $${ and %%{ stand for ${ and %{ written literally. */
    private boolean escapedSequence() {
        return source.startsWith("$${", at) || source.startsWith("%%{", at);
    }

    /** ${ or %{ (with ~): the template's expression follows in the normal syntax, up to the matching }. */
    private void sequence() {
        int start = at;
        at += source.startsWith("~", at + 2) ? 3 : 2;
        add(source.charAt(start) == '$' ? Kind.INTERP : Kind.CONTROL, start);
        modes.push(Mode.INTERP);
    }

    private void flushLiteral(Kind kind, int start) {
        if (at > start) {
            add(kind, start);
        }
    }

    private void checkEncoding(int position) {
        char c = source.charAt(position);
        if (Character.isSurrogate(c) && !HclText.pairedSurrogate(source, position)) {
            throw error("this file is not UTF-8 here", position);
        }
    }

    private void newLine() {
        line++;
        lineBegin = at;
    }

    private void add(Kind kind, int start) {
        tokens.add(new Token(kind, source.substring(start, at), start, at, line, column(start)));
    }

    private int column(int position) {
        return position - lineBegin + 1;
    }

    private HclException error(String message, int position) {
        return new HclException(file, line, Math.max(1, column(position)), message);
    }
}
