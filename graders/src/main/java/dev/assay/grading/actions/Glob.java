package dev.assay.grading.actions;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GitHub's filter patterns ({@code branches}, {@code tags}, {@code paths}): {@code *} any characters but a slash,
 * {@code **} any characters, {@code ?} and {@code +} zero-or-one and one-or-more of the preceding character,
 * {@code [..]} a class, a backslash escapes, and a leading {@code !} negates the pattern within an ordered list.
 */
public final class Glob {
    private Glob() {}

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
                continue;
            }
            if (c == '*') {
                regex.append("[^/]*");
            } else if ((c == '?' || c == '+') && i > 0) {
                regex.append(c);
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close > i) {
                    regex.append('[')
                            .append(glob.substring(i + 1, close).replace("\\", "\\\\"))
                            .append(']');
                    i = close + 1;
                    continue;
                }
                regex.append("\\[");
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
                continue;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        try {
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(glob));
        }
    }

    /** Whether a name is included by an ordered list of patterns, later ones overriding, {@code !} excluding. */
    static boolean included(List<String> patterns, String name) {
        boolean included = false;
        for (String pattern : patterns) {
            boolean negative = pattern.startsWith("!");
            if (compile(negative ? pattern.substring(1) : pattern).matcher(name).matches()) {
                included = !negative;
            }
        }
        return included;
    }

    /**
     * Whether a file path (from the repository root) matches a file pattern as hashFiles and cache paths read
     * them: {@code **}{@code /} any directories or none, {@code *} and {@code ?} within one name, a leading
     * {@code ./} ignored.
     */
    static boolean file(String pattern, String path) {
        String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (p.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else {
                char c = p.charAt(i++);
                regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), path);
    }
}
