package dev.assay.service.core;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Candidate-made text (outputs, file names, observations) made safe to show to staff, before Mustache escapes its
 * HTML: control characters and terminal escape sequences become visible {@code \x1b}-style escapes, bidirectional
 * and invisible formatting characters become {@code <U+202E>} so a name cannot pretend to be another, and long text
 * is cut at a cap with the number of characters left out.
 */
public final class Inert {
    /** What a page shows of one output or observation at most. */
    public static final int DEFAULT_CAP = 8 * 1024;

    private Inert() {}

    public static String text(@Nullable String text) {
        return text(text, DEFAULT_CAP);
    }

    public static String text(@Nullable String text, int cap) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), cap) + 16);
        int i = 0;
        while (i < text.length() && out.length() < cap) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\t') {
                out.appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else if (formatting(cp)) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (i < text.length()) {
            int left = text.codePointCount(i, text.length());
            out.append("\n… ").append(left).append(" more characters not shown");
        }
        return out.toString();
    }

    /**
     * Whether {@code text} is one line a person can read as it is stored: no control characters (line breaks and
     * tabs included) and none of the bidirectional or invisible formatting characters {@link #text} would mark.
     * Names and email addresses must be, so a name cannot reorder or hide what staff read beside it.
     */
    public static boolean plainLine(String text) {
        return text.codePoints()
                .noneMatch(cp -> cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || formatting(cp));
    }

    /**
     * Bidirectional controls, invisible formatting (every Unicode format character: zero-width ones, tags,
     * interlinear annotation), line and paragraph separators, and the letters and marks that show as nothing.
     */
    static boolean formatting(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0x034f
                || cp == 0x115f
                || cp == 0x1160
                || cp == 0x2800
                || cp == 0x3164
                || cp == 0xffa0
                || (cp >= 0xfe00 && cp <= 0xfe0f)
                || (cp >= 0xe0100 && cp <= 0xe01ef);
    }
}
