package dev.assay.service.scoring;

import dev.assay.service.core.Rating;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One candidate across a role's whole hiring plan ({@value #SCHEMA}): each stage and where it stands, each skill
 * decided from every counted check and rated kit question that measures it (with where that evidence came from,
 * or what is still missing), and a recommendation that is conjunctive over every must-have of the role.
 */
public record CandidateScorecard(
        String schema,
        String role,
        String candidateEmail,
        String candidateName,
        List<StageLine> stages,
        List<Skill> skills,
        Scorecard.Recommendation recommendation) {

    public static final String SCHEMA = "assay.candidate-scorecard/1";

    /**
     * A stage of the plan for this candidate: {@code state} is "not invited", "invited", "in progress" or "done";
     * {@code assessmentId} null when not invited; {@code verdict} the stage's own verdict once it is done.
     */
    public record StageLine(
            String stage,
            String title,
            String kind,
            List<String> measures,
            @Nullable Long assessmentId,
            String state,
            @Nullable Verdict verdict) {}

    /**
     * A skill across the plan: as a stage scorecard's skill, plus {@code sources}, each "stage/lab" (or
     * "stage/kit") with the counted checks or questions it gave.
     */
    public record Skill(
            String id,
            boolean mustHave,
            @Nullable Double score,
            double coverage,
            int countedChecks,
            @Nullable Rating rating,
            @Nullable String noDecision,
            List<String> sources) {}

    /** The skills by id, for tests and pages. */
    public Map<String, Skill> byId() {
        Map<String, Skill> all = new java.util.LinkedHashMap<>();
        skills.forEach(skill -> all.put(skill.id(), skill));
        return all;
    }
}
