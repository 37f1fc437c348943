package dev.assay.service.views;

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
        int shown = 0;
        int i = 0;
        while (i < text.length() && shown < cap) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
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

    /** Bidirectional controls and invisible characters that change how the text around them reads. */
    static boolean formatting(int cp) {
        return cp == 0x061c
                || (cp >= 0x200b && cp <= 0x200f)
                || (cp >= 0x202a && cp <= 0x202e)
                || (cp >= 0x2060 && cp <= 0x2069)
                || cp == 0xfeff
                || Character.getType(cp) == Character.FORMAT && cp != 0xad;
    }
}
