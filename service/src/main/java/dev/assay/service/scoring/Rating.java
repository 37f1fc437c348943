package dev.assay.service.scoring;

import java.util.List;

/** The five-point scale a skill score is cut into (docs/decisions.md, "Scoring"). */
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

    public String label() {
        return label;
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
