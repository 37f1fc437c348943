package dev.assay.service.scoring;

import dev.assay.service.catalog.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The candidate-level scorecard as a pure function of each stage's scored items (docs/review.md, "One candidate
 * across the plan"). Skills are computed as the stage model computes them, over the items of every stage at once;
 * the recommendation is conjunctive over every must-have of the role: a must-have without a decision (a stage not
 * taken, too few counted checks) sends the candidate to a person, never to advance.
 */
public final class PipelineModel {
    private PipelineModel() {}

    /** What one stage gave: its line on the card and its items (checks, rated kit questions), labelled by stage. */
    public record StageEvidence(CandidateScorecard.StageLine line, List<ScoringModel.Item> items) {}

    public static CandidateScorecard score(Role role, String email, String name, List<StageEvidence> stages) {
        List<ScoringModel.Item> all = new ArrayList<>();
        Map<String, String> stageOfLab = new LinkedHashMap<>();
        for (StageEvidence stage : stages) {
            all.addAll(stage.items());
            stage.items()
                    .forEach(item ->
                            stageOfLab.putIfAbsent(item.labId(), stage.line().stage()));
        }
        List<CandidateScorecard.Skill> skills = new ArrayList<>();
        for (Role.Skill skill : role.skills()) {
            Scorecard.Skill scored = ScoringModel.skill(skill, all, role.cuts());
            String missing = scored.noDecision() == null ? null : missing(skill, scored, stages);
            skills.add(new CandidateScorecard.Skill(
                    skill.id(),
                    skill.mustHave(),
                    scored.score(),
                    scored.coverage(),
                    scored.countedChecks(),
                    scored.rating(),
                    missing,
                    sources(skill.id(), all, stageOfLab)));
        }
        return new CandidateScorecard(
                CandidateScorecard.SCHEMA,
                role.id(),
                email,
                name,
                stages.stream().map(StageEvidence::line).toList(),
                skills,
                recommend(skills, all));
    }

    /** Why a skill has no decision, and which stages would still bring evidence for it. */
    private static String missing(Role.Skill skill, Scorecard.Skill scored, List<StageEvidence> stages) {
        String why = scored.assessed() ? scored.noDecision() : "no counted check or rated question measures it yet";
        List<String> toCome = stages.stream()
                .map(StageEvidence::line)
                .filter(line ->
                        line.measures().contains(skill.id()) && !line.state().equals("done"))
                .map(line -> line.stage() + " (" + line.state() + ")")
                .toList();
        return toCome.isEmpty()
                ? why + "; no stage still to come measures it"
                : why + "; still to come: " + String.join(", ", toCome);
    }

    /** Each "stage/lab" that gave counted evidence for the skill, with how many checks or questions. */
    private static List<String> sources(String skill, List<ScoringModel.Item> items, Map<String, String> stageOfLab) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ScoringModel.Item item : items) {
            if (item.credit() != null && item.skills().getOrDefault(skill, 0.0) > 0) {
                counts.merge(stageOfLab.get(item.labId()) + "/" + item.labId(), 1, Integer::sum);
            }
        }
        List<String> sources = new ArrayList<>();
        counts.forEach((source, n) -> sources.add(source + " (" + n + ")"));
        return sources;
    }

    private static Scorecard.Recommendation recommend(
            List<CandidateScorecard.Skill> skills, List<ScoringModel.Item> items) {
        List<ScoringModel.MustHave> mustHaves = skills.stream()
                .filter(CandidateScorecard.Skill::mustHave)
                .map(skill -> new ScoringModel.MustHave(skill.id(), skill.rating(), skill.noDecision()))
                .toList();
        return ScoringModel.conjunctive(
                items, mustHaves, List.of(), "every must-have of the role is decided and rated yes or better");
    }

    /** A stage line, for callers that build one. */
    public static CandidateScorecard.StageLine line(
            Role.Stage stage, @Nullable Long assessmentId, String state, @Nullable Verdict verdict) {
        return new CandidateScorecard.StageLine(
                stage.id(), stage.title(), stage.kind().wire(), stage.measures(), assessmentId, state, verdict);
    }
}
