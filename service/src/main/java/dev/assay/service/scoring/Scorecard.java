package dev.assay.service.scoring;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stage of one candidate, scored against the role's skills ({@value #SCHEMA}): a score, coverage and rating
 * per skill, and the recommendation with its reasons. Derived from stored check results, never edited.
 */
public record Scorecard(
        String schema,
        String role,
        String stage,
        List<Skill> skills,
        Recommendation recommendation,
        Map<String, String> versions) {

    public static final String SCHEMA = "assay.scorecard/1";

    /**
     * A skill's result. {@code score} and {@code rating} are null when there is no decision; {@code noDecision}
     * then says why. {@code assessed} is false when no check of the stage measures the skill at all.
     */
    public record Skill(
            String id,
            boolean mustHave,
            boolean assessed,
            @Nullable Double score,
            double coverage,
            int countedChecks,
            @Nullable String rating,
            @Nullable String noDecision) {}

    /** advance, review (route to an interviewer) or reject, with every reason; a person decides. */
    public record Recommendation(String verdict, List<String> reasons) {}
}
