package dev.assay.grading.hcl;

import dev.assay.grading.hcl.HclTemplates.Piece;
import dev.assay.grading.hcl.HclTemplates.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <<-} heredoc loses, from every line, as much leading space as its least indented line has. Lines of
 * space only do not count; a line starting with an interpolation or directive counts as not indented. The
 * space is counted in characters (a tab is one, as is CR LF), after the trim markers have acted.
 */
final class HclIndent {
    private HclIndent() {}

    static void flush(List<Piece> pieces) {
        int least = Integer.MAX_VALUE;
        boolean lineStart = true;
        List<Text> indented = new ArrayList<>();
        for (Piece piece : pieces) {
            if (lineStart) {
                lineStart = false;
                int spaces = 0;
                if (piece instanceof Text text) {
                    String trimmed = HclText.trimLeft(text.value);
                    if (trimmed.isEmpty() && text.value.endsWith("\n")) {
                        spaces = Integer.MAX_VALUE;
                    } else {
                        spaces = characters(text.value.substring(0, text.value.length() - trimmed.length()));
                        indented.add(text);
                    }
                }
                least = Math.min(least, spaces);
            }
            if (piece instanceof Text text && text.value.endsWith("\n")) {
                lineStart = true;
            }
        }
        for (Text text : indented) {
            text.value = text.value.substring(prefix(text.value, least));
        }
    }

    private static int characters(String space) {
        return (int) space.codePoints().count() - countCrLf(space);
    }

    private static int countCrLf(String text) {
        int count = 0;
        for (int i = text.indexOf("\r\n"); i >= 0; i = text.indexOf("\r\n", i + 2)) {
            count++;
        }
        return count;
    }

    /** The length of the first {@code characters} user-perceived characters of the text. */
    private static int prefix(String text, int characters) {
        int at = 0;
        for (int n = 0; n < characters && at < text.length(); n++) {
            at += text.startsWith("\r\n", at) ? 2 : Character.charCount(text.codePointAt(at));
            while (at < text.length() && combining(text.codePointAt(at))) {
                at += Character.charCount(text.codePointAt(at));
            }
        }
        return at;
    }

    private static boolean combining(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
