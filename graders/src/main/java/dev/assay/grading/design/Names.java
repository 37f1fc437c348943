package dev.assay.grading.design;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown field names: the closest allowed name within two edits. */
final class Names {
    private Names() {}

    static String didYouMean(String name, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = dev.assay.grading.EditDistance.between(
                    name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "remove it; the fields here are " + allowed : "did you mean '" + best + "'?";
    }
}
