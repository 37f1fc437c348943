package dev.assay.grading.hcl;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/** Characters, escapes, numbers and bytes as HCL reads them. */
final class HclText {
    private HclText() {}

    static boolean isIdentStart(int c) {
        return c == '_' || Character.isUnicodeIdentifierStart(c);
    }

    static boolean isIdentPart(int c) {
        return c == '-' || (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    /** Go's unicode.IsSpace, which HCL trims with ({@code ~} markers and {@code <<-} heredocs). */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    static String trimLeft(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return text.substring(i);
    }

    static String trimRight(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end);
    }

    static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isLowSurrogate(c) && Character.isHighSurrogate(text.charAt(i - 1));
    }

    static String invalidCharacter(int c) {
        return switch (c) {
            case '\'' -> "single quotes are not HCL: write strings in double quotes";
            case ';' -> "';' is not HCL: end arguments with a newline, separate items with commas";
            case '&', '|', '^', '~' -> "'" + (char) c + "' is not an HCL operator (did you mean && or || or !?)";
            case '`' -> "'`' is not HCL: write multi-line strings as a heredoc (<<EOT)";
            case '\r' -> "a carriage return must be followed by a newline";
            case 0x201C, 0x201D -> "curly quotes are not HCL: use straight double quotes";
            default ->
                Character.isSurrogate((char) c) && c >= 0xDC80 && c <= 0xDCFF
                        ? "this file is not UTF-8 here"
                        : String.format("the character U+%04X is not used in HCL", c);
        };
    }

    /** A number token's value, or null when it is not a number (1.2.3, 0.0.0.0). */
    static @Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A template literal's value: in quoted strings the escapes {@code \n \r \t \" \\ \\uNNNN \\UNNNNNNNN}; in both
     * quoted strings and heredocs {@code $${} and {@code %%{} for {@code ${} and {@code %{}. Null when an escape
     * is not one of those; the message says which.
     */
    static String unescape(String raw, boolean quoted, StringBuilder problem) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c == '$' || c == '%') && raw.startsWith(c + "" + c + "{", i)) {
                out.append(c).append('{');
                i += 2;
            } else if (c == '\\' && quoted) {
                i = escape(raw, i, out, problem);
                if (problem.length() > 0) {
                    return "";
                }
            } else {
                out.append(c);
            }
        }
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
    }

    /** The escape at {@code i} (a backslash) appended to {@code out}; returns the index of its last character. */
    private static int escape(String raw, int i, StringBuilder out, StringBuilder problem) {
        if (i + 1 >= raw.length()) {
            problem.append("a backslash must be followed by an escape such as \\n");
            return i;
        }
        char next = raw.charAt(i + 1);
        switch (next) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u', 'U' -> {
                int digits = next == 'u' ? 4 : 8;
                int end = i + 2;
                while (end < raw.length() && end < i + 2 + digits && Character.digit(raw.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end - i - 2 != digits) {
                    problem.append("\\")
                            .append(next)
                            .append(" must be followed by ")
                            .append(digits)
                            .append(" hex digits");
                    return i;
                }
                long code = Long.parseLong(raw.substring(i + 2, end), 16);
                if (code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
                    problem.append(String.format("U+%04X is not a character", code));
                    return i;
                }
                out.appendCodePoint((int) code);
                return end - 1;
            }
            default -> {
                problem.append("\\").appendCodePoint(raw.codePointAt(i + 1)).append(" is not an escape");
                return i;
            }
        }
        return i + 1;
    }

    /**
     * Bytes as text: UTF-8, where sequences well formed in shape but not characters (overlong, surrogates) read as
     * U+FFFD per byte, as HCL reads them, and bytes that are not UTF-8 at all as U+DC80..U+DCFF, which the lexer
     * refuses outside comments.
     */
    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80
                    ? 1
                    : b >= 0xC0 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF8 ? 4 : 0;
            if (length == 0 || !continued(bytes, i, length)) {
                out.append((char) (0xDC00 + b));
                i++;
                continue;
            }
            out.append(character(bytes, i, length));
            i += length;
        }
        return out.toString();
    }

    private static String character(byte[] bytes, int at, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return "\uFFFD".repeat(length);
        }
    }

    private static boolean continued(byte[] bytes, int at, int length) {
        if (at + length > bytes.length) {
            return false;
        }
        for (int i = at + 1; i < at + length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
