package dev.assay.service.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The five-point scale a skill score is cut into, and interviewers rate on (docs/decisions.md, "Scoring"). */
public enum Rating {
    DEFINITELY_NOT("definitely-not"),
    NO("no"),
    MIXED("mixed"),
    YES("yes"),
    STRONG_YES("strong-yes");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    /** The name on the wire and in the grade log ("strong-yes"). */
    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    public static Optional<Rating> parse(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    /** Every label, lowest first. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Rating::label).toList();
    }

    /** The rating of a score under four ascending cuts (the role's {@code ratingCuts}). */
    public static Rating of(double score, List<Double> cuts) {
        if (cuts.size() != 4) {
            throw new IllegalArgumentException("a rating needs 4 cuts, got " + cuts);
        }
        Rating[] scale = values();
        for (int i = 0; i < 4; i++) {
            if (score < cuts.get(i)) {
                return scale[i];
            }
        }
        return STRONG_YES;
    }

    public boolean atMostNo() {
        return this == DEFINITELY_NOT || this == NO;
    }
}
