package dev.assay.service.views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where a staff list stands: the search text, the page shown ({@code number}, from 1) of {@code size} rows, how many
 * rows match in all, and the links to the newer and older pages (the search kept). A page past the last shows the
 * last one.
 */
public record ListPage(String path, String search, int number, int size, long total) {
    /** The page to show for a requested page number: at least the first, at most the last. */
    public static ListPage of(String path, String search, int requested, int size, long total) {
        long last = Math.max(1, (total + size - 1) / size);
        int number = (int) Math.max(1, Math.min(requested, last));
        return new ListPage(path, search, number, size, total);
    }

    /** How many rows come before this page. */
    public long offset() {
        return (long) (number - 1) * size;
    }

    /** "1-50 of 312", "no candidates" or "no candidates match". */
    public String getShowing() {
        if (total == 0) {
            return search.isEmpty() ? "No candidates yet." : "No candidate matches \u201c" + search + "\u201d.";
        }
        String range = (offset() + 1) + "\u2013" + Math.min(offset() + size, total) + " of " + total;
        return search.isEmpty() ? range : range + " matching \u201c" + search + "\u201d";
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Whether there is another page to go to. */
    public boolean isPaged() {
        return total > size;
    }

    public @Nullable String getNewer() {
        return number > 1 ? link(number - 1) : null;
    }

    public @Nullable String getOlder() {
        return offset() + size < total ? link(number + 1) : null;
    }

    private String link(int page) {
        String query = search.isEmpty() ? "" : "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
        return path + "?" + query + "page=" + page;
    }
}
