package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one shell word from a position: quotes, escapes, {@code $NAME}, {@code ${...}}, {@code $(...)} and
 * backquotes. Substitutions are read as scripts of their own (to a bounded depth). Never throws: an unclosed
 * quote runs to the end of the text.
 */
final class ShellWords {
    static final String OPERATORS = "|&;<>()";

    private final String s;
    private final int depth;
    private int i;
    private final StringBuilder text = new StringBuilder();
    private final List<Shell.Var> vars = new ArrayList<>();
    private final List<Shell.Script> substitutions = new ArrayList<>();

    private ShellWords(String s, int from, int depth) {
        this.s = s;
        this.i = from;
        this.depth = depth;
    }

    /** The word starting at {@code from} and where it ends. */
    record Read(Shell.Word word, int end) {}

    static Read word(String s, int from, int depth) {
        ShellWords reader = new ShellWords(s, from, depth);
        reader.word();
        reader.i = Math.min(reader.i, s.length());
        String raw = s.substring(from, reader.i);
        return new Read(
                new Shell.Word(
                        raw, reader.text.toString(), List.copyOf(reader.vars), List.copyOf(reader.substitutions)),
                reader.i);
    }

    /** The expansions of text read as if double-quoted (a here-document body, the rest of a ${...}). */
    static Shell.Heredoc expansions(String body, int depth) {
        if (depth > ShellReader.MAX_DEPTH) {
            return new Shell.Heredoc(body, List.of(), List.of());
        }
        ShellWords reader = new ShellWords(body, 0, depth);
        while (reader.i < body.length()) {
            char c = body.charAt(reader.i);
            if (c == '\\' && reader.i + 1 < body.length()) {
                reader.i += 2;
            } else if (c == '$' || c == '`') {
                reader.dollarOrBackquote();
            } else {
                reader.i++;
            }
        }
        return new Shell.Heredoc(body, List.copyOf(reader.vars), List.copyOf(reader.substitutions));
    }

    private void word() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || OPERATORS.indexOf(c) >= 0) {
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c == '\'') {
                single();
            } else if (c == '"') {
                doubleQuoted();
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                i++;
                single();
            } else if (c == '$' || c == '`') {
                int start = i;
                dollarOrBackquote();
                text.append(s, start, i);
            } else {
                text.append(c);
                i++;
            }
        }
    }

    private void escape() {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i += 2;
            return;
        }
        if (i + 1 < s.length()) {
            text.append(s.charAt(i + 1));
        }
        i = Math.min(i + 2, s.length());
    }

    private void single() {
        int close = s.indexOf('\'', i + 1);
        int end = close < 0 ? s.length() : close;
        text.append(s, i + 1, end);
        i = close < 0 ? s.length() : close + 1;
    }

    private void doubleQuoted() {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                text.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$' || c == '`') {
                int start = i;
                dollarOrBackquote();
                text.append(s, start, i);
            } else {
                text.append(c);
                i++;
            }
        }
        i = Math.min(i + 1, s.length());
    }

    private void dollarOrBackquote() {
        if (s.charAt(i) == '`') {
            backquote();
            return;
        }
        if (i + 1 >= s.length()) {
            i++;
            return;
        }
        char next = s.charAt(i + 1);
        if (next == '(') {
            int close = ShellText.closingParen(s, i + 1);
            substitution(s.substring(i + 2, Math.max(i + 2, close)));
            i = Math.min(close + 1, s.length());
        } else if (next == '{') {
            int close = ShellText.closingBrace(s, i + 1);
            parameter(s.substring(i + 2, Math.max(i + 2, close)));
            i = Math.min(close + 1, s.length());
        } else {
            name(next);
        }
    }

    private void backquote() {
        int close = i + 1;
        while (close < s.length() && s.charAt(close) != '`') {
            close += s.charAt(close) == '\\' ? 2 : 1;
        }
        close = Math.min(close, s.length());
        substitution(s.substring(i + 1, close));
        i = Math.min(close + 1, s.length());
    }

    /** {@code $NAME}, or a special parameter such as {@code $1} or {@code $@}. */
    private void name(char next) {
        int end = i + 1;
        if (Character.isLetter(next) || next == '_') {
            while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                end++;
            }
        } else if ("0123456789@*#?$!-".indexOf(next) >= 0) {
            end++;
        }
        if (end > i + 1) {
            vars.add(new Shell.Var(s.substring(i + 1, end), true));
        }
        i = end;
    }

    /** The inside of ${...}: the variable it names, and whatever the rest expands. */
    private void parameter(String inside) {
        boolean length = inside.startsWith("#") && inside.length() > 1;
        boolean indirect = inside.startsWith("!");
        String rest = length || indirect ? inside.substring(1) : inside;
        int end = 0;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) {
            end++;
        }
        if (end == 0 && !rest.isEmpty() && "@*#?$!-".indexOf(rest.charAt(0)) >= 0) {
            end = 1;
        }
        if (end > 0) {
            vars.add(new Shell.Var((indirect ? "!" : "") + rest.substring(0, end), !length));
        }
        Shell.Heredoc more = expansions(rest.substring(end), depth + 1);
        vars.addAll(more.vars());
        substitutions.addAll(more.substitutions());
    }

    private void substitution(String script) {
        if (depth < ShellReader.MAX_DEPTH) {
            substitutions.add(ShellReader.read(script, depth + 1));
        }
    }
}
