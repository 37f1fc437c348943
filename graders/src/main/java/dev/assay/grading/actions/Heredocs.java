package dev.assay.grading.actions;

/**
 * Here-document bodies: they start on the line after the operator and end at the delimiter line; the reader jumps
 * over them when it reaches the end of that line. Several on one line follow each other.
 */
final class Heredocs {
    private final String s;
    private final int depth;
    private int lineEnd = -1;
    private int resume = -1;

    Heredocs(String s, int depth) {
        this.s = s;
        this.depth = depth;
    }

    /** Reads the body of a here-document whose operator ends at {@code at}. */
    Shell.Heredoc body(int at, Shell.Word delimiter, boolean stripTabs) {
        if (lineEnd < at) {
            int end = s.indexOf('\n', at);
            lineEnd = end < 0 ? s.length() : end;
            resume = Math.min(lineEnd + 1, s.length());
        }
        String name = delimiter.text();
        StringBuilder body = new StringBuilder();
        int line = resume;
        while (line < s.length()) {
            int end = s.indexOf('\n', line);
            int stop = end < 0 ? s.length() : end;
            String text = s.substring(line, stop);
            String compared = stripTabs ? text.replaceFirst("^\t+", "") : text;
            line = Math.min(stop + 1, s.length());
            if (compared.equals(name)) {
                break;
            }
            body.append(compared).append('\n');
        }
        resume = line;
        boolean quoted = !delimiter.raw().equals(delimiter.text());
        return quoted
                ? new Shell.Heredoc(body.toString(), java.util.List.of(), java.util.List.of())
                : ShellWords.expansions(body.toString(), depth);
    }

    /** Where reading goes on after the newline at {@code newline}: past any bodies that follow it. */
    int afterNewline(int newline) {
        if (newline == lineEnd) {
            lineEnd = -1;
            return resume;
        }
        return newline + 1;
    }
}
