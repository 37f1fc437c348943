package dev.assay.service.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell command's code without what is not code: comments, the text of quotes (each becomes Q), the bodies of
 * here-documents, the patterns of case items and parameter and arithmetic expansions (each becomes V), so that what
 * remains names the commands it runs.
 */
final class ShellCode {
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?(\\w+)['\"]?");
    private static final Pattern CASE_FIRST = Pattern.compile("(case\\s+\\S+\\s+in)\\s+[^\\s()]+\\)");
    private static final Pattern CASE_NEXT = Pattern.compile(";;\\s*[^\\s()]+\\)");
    private static final Pattern CASE_LINE = Pattern.compile("(?m)^\\s*[^\\s()]+\\)");
    private static final Pattern EXPANSION =
            Pattern.compile("\\$\\{[^}]*\\}|\\$\\(\\([^()]*(\\([^()]*\\)[^()]*)*\\)\\)");

    private final String run;
    private final StringBuilder code = new StringBuilder();
    private final Deque<String> heredocs = new ArrayDeque<>();
    private int at;

    private ShellCode(String run) {
        this.run = run;
    }

    static String of(String run) {
        ShellCode shell = new ShellCode(run);
        shell.scan();
        String code = EXPANSION.matcher(shell.code).replaceAll("V");
        code = CASE_FIRST.matcher(code).replaceAll("$1 ");
        code = CASE_NEXT.matcher(code).replaceAll(";; ");
        return CASE_LINE.matcher(code).replaceAll("");
    }

    private void scan() {
        while (at < run.length()) {
            char c = run.charAt(at);
            if (c == '\\') {
                code.append(' ');
                at += 2;
            } else if (c == '\'') {
                at = end(run.indexOf('\'', at + 1));
                code.append('Q');
            } else if (c == '"') {
                at = end(closingDouble(at + 1));
                code.append('Q');
            } else if (c == '#' && (at == 0 || Character.isWhitespace(run.charAt(at - 1)))) {
                at = run.indexOf('\n', at) < 0 ? run.length() : run.indexOf('\n', at);
            } else if (run.startsWith("<<", at)) {
                Matcher heredoc = HEREDOC.matcher(run).region(at, run.length());
                if (heredoc.lookingAt()) {
                    heredocs.add(heredoc.group(1));
                    at = heredoc.end();
                } else {
                    at += 2;
                }
                code.append(' ');
            } else if (c == '\n') {
                code.append('\n');
                at++;
                skipHeredocBodies();
            } else {
                code.append(c);
                at++;
            }
        }
    }

    private void skipHeredocBodies() {
        while (!heredocs.isEmpty()) {
            String delimiter = heredocs.poll();
            while (at < run.length()) {
                int eol = run.indexOf('\n', at) < 0 ? run.length() : run.indexOf('\n', at);
                boolean last = run.substring(at, eol).trim().equals(delimiter);
                at = Math.min(run.length(), eol + 1);
                if (last) {
                    break;
                }
            }
        }
    }

    private int closingDouble(int from) {
        for (int i = from; i < run.length(); i++) {
            if (run.charAt(i) == '\\') {
                i++;
            } else if (run.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private int end(int closing) {
        return closing < 0 ? run.length() : closing + 1;
    }
}
