package dev.assay.grading.builtin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the regular files out of a tar stream such as {@link dev.assay.grading.LabView#readTree} hands over
 * (ustar headers, with PAX or GNU records for long names). Malformed input ends the listing; nothing is written
 * anywhere, so a hostile name can do no more than be a key of the map.
 */
final class TarFiles {
    private static final int BLOCK = 512;

    private TarFiles() {}

    /** Regular files by name ({@code ./} dropped), in archive order. */
    static Map<String, byte[]> regularFiles(byte[] tar) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        @Nullable String longName = null;
        int at = 0;
        while (at + BLOCK <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            long size = octal(field(tar, at + 124, 12));
            char type = (char) tar[at + 156];
            int data = at + BLOCK;
            if (size < 0 || data + size > tar.length) {
                break;
            }
            String content = new String(tar, data, (int) size, StandardCharsets.UTF_8);
            if (type == 'x') {
                longName = paxPath(content);
            } else if (type == 'L') {
                longName = content.replace("\0", "");
            } else {
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                if (type == '0' || type == '\0') {
                    files.put(
                            full.startsWith("./") ? full.substring(2) : full,
                            java.util.Arrays.copyOfRange(tar, data, data + (int) size));
                }
            }
            at = data + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        }
        return files;
    }

    private static String field(byte[] tar, int from, int length) {
        int end = from;
        while (end < from + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(String text) {
        String digits = text.trim();
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The path record of a PAX extended header ("27 path=some/long/name\n"), or null. */
    private static @Nullable String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return null;
    }
}
