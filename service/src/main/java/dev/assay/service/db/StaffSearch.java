package dev.assay.service.db;

import org.jspecify.annotations.Nullable;

/**
 * What a staff member typed to find candidates, as an SQL {@code LIKE} pattern that matches it anywhere in a name or
 * an e-mail address: its own {@code %}, {@code _} and {@code !} are escaped with {@code !} (the {@code ESCAPE}
 * character of {@link StaffListDao}), so "50%" finds "50%" and nothing else. Blank finds everyone. The database
 * lower-cases both sides with the same {@code LOWER}, so case folds alike for every alphabet it knows.
 */
public record StaffSearch(String text) {
    public StaffSearch {
        text = text.strip();
    }

    public static StaffSearch of(@Nullable String text) {
        return new StaffSearch(text == null ? "" : text);
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** The {@code LIKE} pattern, as typed (the query lower-cases it as it lower-cases the columns). */
    public String pattern() {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
