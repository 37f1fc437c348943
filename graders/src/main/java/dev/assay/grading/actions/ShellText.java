package dev.assay.grading.actions;

/** Finds the end of bracketed shell text, skipping quoted parts; the text's length when it is not closed. */
final class ShellText {
    private ShellText() {}

    /** The index of the ')' closing the '(' at {@code open}. */
    static int closingParen(String s, int open) {
        return closing(s, open, '(', ')');
    }

    /** The index of the '}' closing the '{' at {@code open}. */
    static int closingBrace(String s, int open) {
        return closing(s, open, '{', '}');
    }

    private static int closing(String s, int open, char in, char out) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'' && in == '(') {
                int close = s.indexOf('\'', i + 1);
                i = close < 0 ? s.length() : close + 1;
                continue;
            }
            if (c == '"') {
                i = closingQuote(s, i);
                continue;
            }
            if (c == in) {
                depth++;
            } else if (c == out && --depth == 0) {
                return i;
            }
            i++;
        }
        return s.length();
    }

    private static int closingQuote(String s, int open) {
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }
}
