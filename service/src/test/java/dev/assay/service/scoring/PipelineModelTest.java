package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Composer;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.Rating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PipelineModelTest {
    private static final LabCatalog CATALOG = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
    private static final Role ROLE = CATALOG.role("devops-engineer").orElseThrow();

    /** Every check of the labs composed for a stage from a seed, each with the credit given, labelled by lab. */
    private static List<ScoringModel.Item> taken(Role.Stage stage, long seed, double credit) {
        List<ScoringModel.Item> items = new ArrayList<>();
        for (String labId : Composer.compose(ROLE, stage, CATALOG, seed).labs()) {
            Lab lab = CATALOG.lab(labId).orElseThrow();
            for (Lab.Check check : lab.checks()) {
                // a gate is passed or failed: it passes here unless the credit given is a fail
                double given = check.gate() ? (credit >= 0.5 ? 1.0 : 0.0) : credit;
                items.add(
                        new ScoringModel.Item(labId, check.id(), check.points(), check.skills(), check.gate(), given));
            }
        }
        return items;
    }

    /** Each kit question rated with the same credit, labelled "kit:stage". */
    private static List<ScoringModel.Item> rated(Role.Stage stage, double credit) {
        return java.util.Objects.requireNonNull(stage.kit()).questions().stream()
                .map(q -> new ScoringModel.Item("kit:" + stage.id(), q.id(), q.points(), q.skills(), false, credit))
                .toList();
    }

    private static PipelineModel.StageEvidence done(Role.Stage stage, List<ScoringModel.Item> items) {
        return new PipelineModel.StageEvidence(PipelineModel.line(stage, 1L, "done", null), items);
    }

    private static PipelineModel.StageEvidence absent(Role.Stage stage) {
        return new PipelineModel.StageEvidence(PipelineModel.line(stage, null, "not invited", null), List.of());
    }

    private static CandidateScorecard.Skill skill(CandidateScorecard card, String id) {
        return java.util.Objects.requireNonNull(card.byId().get(id), id);
    }

    private static Role.Stage stage(String id) {
        return ROLE.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("strong on the technical stage, absent from the screening: no decision on what only the screening"
            + " measures, and never advance")
    void absentStageLeavesItsSkillsUndecided() {
        List<PipelineModel.StageEvidence> stages = new ArrayList<>();
        for (Role.Stage stage : ROLE.stages()) {
            stages.add(stage.id().equals("technical") ? done(stage, taken(stage, 7, 1.0)) : absent(stage));
        }
        CandidateScorecard card = PipelineModel.score(ROLE, "c@example.com", "C", stages);

        assertThat(card.recommendation().verdict()).isEqualTo(Verdict.REVIEW);
        for (String decided : List.of("aws", "kubernetes", "iac")) {
            assertThat(skill(card, decided).rating()).as(decided).isEqualTo(Rating.STRONG_YES);
            assertThat(skill(card, decided).sources()).as(decided).allMatch(s -> s.startsWith("technical/"));
        }
        List<ScoringModel.Item> technical = taken(stage("technical"), 7, 1.0);
        List<String> unmeasured = ROLE.skills().stream()
                .filter(Role.Skill::mustHave)
                .map(Role.Skill::id)
                .filter(id -> technical.stream().noneMatch(item -> item.skills().containsKey(id)))
                .toList();
        assertThat(unmeasured).as("must-haves only other stages measure").contains("linux");
        for (String missing : unmeasured) {
            CandidateScorecard.Skill skill = skill(card, missing);
            assertThat(skill.rating()).as(missing).isNull();
            assertThat(skill.noDecision())
                    .as(missing)
                    .contains("still to come: ")
                    .contains("(not invited)");
            assertThat(card.recommendation().reasons())
                    .anySatisfy(reason -> assertThat(reason).startsWith("must-have " + missing + ": no decision"));
        }
    }

    @Test
    @DisplayName("a full pipeline decides every must-have of the role, each from the stages that measure it")
    void fullPipelineDecidesEveryMustHave() {
        List<PipelineModel.StageEvidence> stages = new ArrayList<>();
        for (Role.Stage stage : ROLE.stages()) {
            stages.add(done(stage, stage.kind() == Role.Kind.LABS ? taken(stage, 11, 0.9) : rated(stage, 0.75)));
        }
        CandidateScorecard card = PipelineModel.score(ROLE, "c@example.com", "C", stages);

        for (Role.Skill skill : ROLE.skills()) {
            if (skill.mustHave()) {
                CandidateScorecard.Skill scored = skill(card, skill.id());
                assertThat(scored.noDecision()).as(skill.id()).isNull();
                assertThat(scored.rating()).as(skill.id()).isNotNull();
                assertThat(scored.countedChecks()).as(skill.id()).isGreaterThanOrEqualTo(2);
                assertThat(scored.sources()).as(skill.id()).isNotEmpty();
            }
        }
        assertThat(card.recommendation().verdict())
                .as(card.recommendation().reasons().toString())
                .isEqualTo(Verdict.ADVANCE);
    }

    @Test
    @DisplayName("a must-have rated no anywhere in the plan rejects, whatever the other stages say")
    void oneWeakMustHaveRejects() {
        List<PipelineModel.StageEvidence> stages = new ArrayList<>();
        for (Role.Stage stage : ROLE.stages()) {
            double credit = stage.id().equals("screening") ? 0.1 : 1.0;
            stages.add(done(stage, stage.kind() == Role.Kind.LABS ? taken(stage, 3, credit) : rated(stage, 1.0)));
        }
        CandidateScorecard card = PipelineModel.score(ROLE, "c@example.com", "C", stages);
        assertThat(card.recommendation().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(card.recommendation().reasons())
                .anySatisfy(reason -> assertThat(reason).contains("rated"));
    }
}
