package dev.assay.grading.iam;

import dev.assay.grading.iam.Template.Part;
import dev.assay.grading.iam.Template.Star;
import dev.assay.grading.iam.Template.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wildcard matching over resolved template parts, in linear space and O(pattern x text) time (no backtracking, so
 * hostile patterns cannot blow up). Which wildcards may cross a colon is the caller's choice: anywhere in a
 * string, within one ARN segment, or (Resource element) a {@code *} that ends a segment may run on past colons.
 */
final class Glob {
    private static final int LITERAL = 0;
    private static final int ONE = 1;
    private static final int RUN = 2;

    private final int[] kind;
    private final char[] literal;
    private final boolean[] crossesColon;

    private Glob(int[] kind, char[] literal, boolean[] crossesColon) {
        this.kind = kind;
        this.literal = literal;
        this.crossesColon = crossesColon;
    }

    /** StringLike, actions and ARN parts: {@code *} any run, {@code ?} any one character, colons included. */
    static Glob like(List<Part> parts) {
        return compile(parts, false);
    }

    /**
     * The Resource element: wildcards stay within their colon-separated segment, except a {@code *} that is the
     * last character of a segment, which AWS documents may expand past colon boundaries.
     */
    static Glob resource(List<Part> parts) {
        return compile(parts, true);
    }

    private static Glob compile(List<Part> parts, boolean segments) {
        List<int[]> elements = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Text text) {
                text.text().chars().forEach(c -> elements.add(new int[] {LITERAL, c, 1}));
            } else {
                elements.add(new int[] {part instanceof Star ? RUN : ONE, 0, segments ? 0 : 1});
            }
        }
        int n = elements.size();
        Glob glob = new Glob(new int[n], new char[n], new boolean[n]);
        for (int i = 0; i < n; i++) {
            int[] e = elements.get(i);
            glob.kind[i] = e[0];
            glob.literal[i] = (char) e[1];
            boolean segmentEnd = i + 1 == n || (elements.get(i + 1)[0] == LITERAL && elements.get(i + 1)[1] == ':');
            glob.crossesColon[i] = e[2] == 1 || (e[0] == RUN && segmentEnd);
        }
        return glob;
    }

    boolean matches(String text) {
        return matches(text, false);
    }

    boolean matchesIgnoringCase(String text) {
        return matches(text, true);
    }

    private boolean matches(String text, boolean ignoreCase) {
        int n = kind.length;
        boolean[] state = new boolean[n + 1];
        state[0] = true;
        skipRuns(state);
        for (int t = 0; t < text.length(); t++) {
            char c = text.charAt(t);
            boolean[] next = new boolean[n + 1];
            for (int i = 0; i < n; i++) {
                if (!state[i] || (c == ':' && !crossesColon[i] && kind[i] != LITERAL)) {
                    continue;
                }
                if (kind[i] == RUN) {
                    next[i] = true;
                } else if (kind[i] == ONE || same(literal[i], c, ignoreCase)) {
                    next[i + 1] = true;
                }
            }
            skipRuns(next);
            state = next;
            if (!anyTrue(state)) {
                return false;
            }
        }
        return state[n];
    }

    private static boolean anyTrue(boolean[] state) {
        for (boolean s : state) {
            if (s) {
                return true;
            }
        }
        return false;
    }

    private void skipRuns(boolean[] state) {
        for (int i = 0; i < kind.length; i++) {
            if (state[i] && kind[i] == RUN) {
                state[i + 1] = true;
            }
        }
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b
                || (ignoreCase
                        && String.valueOf(a)
                                .toLowerCase(Locale.ROOT)
                                .equals(String.valueOf(b).toLowerCase(Locale.ROOT)));
    }
}
