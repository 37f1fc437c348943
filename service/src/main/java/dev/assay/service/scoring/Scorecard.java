package dev.assay.service.scoring;

import dev.assay.service.core.Rating;
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
        Map<String, String> versions,
        List<CheckOverride> checkOverrides,
        @Nullable Decision decision) {

    public static final String SCHEMA = "assay.scorecard/1";

    /** The same scorecard with the interviewers' changes of the grade log shown beside it. */
    public Scorecard withReview(List<CheckOverride> overrides, @Nullable Decision decided) {
        return new Scorecard(schema, role, stage, skills, recommendation, versions, List.copyOf(overrides), decided);
    }

    /** The verdict that stands: the interviewer's decision when there is one, else the recommendation's. */
    public Verdict finalVerdict() {
        return decision == null ? recommendation.verdict() : decision.verdict();
    }

    /**
     * A check an interviewer re-judged: the credit the grader gave (null when it could not grade) and the credit
     * that counts now, with the reason. The skills and recommendation above already use {@code credit}.
     */
    public record CheckOverride(
            String lab, String check, @Nullable Double automated, double credit, String reason, String comment) {}

    /** An interviewer's decision on the recommendation, which replaces the automated verdict. */
    public record Decision(Verdict verdict, Verdict automated, String reason, String comment, String by) {}

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
            @Nullable Rating rating,
            @Nullable String noDecision) {}

    /** advance, review (route to an interviewer) or reject, with every reason; a person decides. */
    public record Recommendation(Verdict verdict, List<String> reasons) {}
}
