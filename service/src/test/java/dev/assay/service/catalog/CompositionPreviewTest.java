package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Previews of the repository's DevOps Engineer stages. */
class CompositionPreviewTest {
    private static LabCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
    }

    @Test
    @DisplayName("a preview of composition is what the composer gives for the seed, meets the blueprint, says so")
    void autoIsTheComposersDraw() {
        Role role = catalog.role("devops-engineer").orElseThrow();
        Role.Stage technical = role.stages().stream()
                .filter(s -> s.id().equals("technical"))
                .findFirst()
                .orElseThrow();
        for (long seed = 1; seed <= 20; seed++) {
            CompositionPreview preview = CompositionPreview.of(catalog, "devops-engineer", "technical", null, seed);
            Composition drawn = Composer.compose(role, technical, catalog, seed);
            assertThat(preview.labs().stream().map(CompositionPreview.LabLine::id))
                    .containsExactlyElementsOf(drawn.labs());
            assertThat(preview.minutes()).isEqualTo(drawn.minutes().toMinutes());
            assertThat(preview.difficulty()).isEqualTo(drawn.difficulty());
            assertThat(preview.warnings()).isEmpty();
            assertThat(preview.composition()).isEqualTo("auto");
            assertThat(preview.note()).contains("one example", "seed " + seed);
            assertThat(preview.skills())
                    .filteredOn(CompositionPreview.SkillLine::measured)
                    .extracting(CompositionPreview.SkillLine::skill)
                    .containsExactlyInAnyOrder("aws", "kubernetes", "cicd", "iac");
        }
    }

    @Test
    @DisplayName("picked labs: totals, a skill line per skill, and warnings for short skills and over the budget")
    void pickedLabsAreCountedAndWarned() {
        CompositionPreview two = CompositionPreview.of(
                catalog, "devops-engineer", "technical", List.of("k8s-crashloop", "aws-policy-review"), 0);
        long minutes = catalog.lab("k8s-crashloop").orElseThrow().timeLimit().toMinutes()
                + catalog.lab("aws-policy-review").orElseThrow().timeLimit().toMinutes();
        assertThat(two.composition()).isEqualTo("picked");
        assertThat(two.exampleSeed()).isNull();
        assertThat(two.minutes()).isEqualTo(minutes);
        assertThat(two.budget()).isEqualTo(90);
        assertThat(two.warnings())
                .anyMatch(w -> w.startsWith("iac is short"))
                .anyMatch(w -> w.startsWith("cicd is short"))
                .noneMatch(w -> w.startsWith("over the budget"));
        assertThat(two.skills())
                .filteredOn(s -> s.skill().equals("iac"))
                .singleElement()
                .satisfies(
                        s -> assertThat(s.text()).isEqualTo("iac: 0 counted check(s), coverage 0%, 0.0 points, short"));

        List<String> pool = catalog.role("devops-engineer").orElseThrow().stages().stream()
                .filter(s -> s.id().equals("technical"))
                .findFirst()
                .orElseThrow()
                .allLabs();
        CompositionPreview all = CompositionPreview.of(catalog, "devops-engineer", "technical", pool, 0);
        assertThat(all.minutes()).isGreaterThan(90);
        assertThat(all.warnings())
                .contains("over the budget: the labs take " + all.minutes()
                        + " minutes, the stage's budget is 90 minutes (one sitting)");

        CompositionPreview none = CompositionPreview.of(catalog, "devops-engineer", "technical", List.of(), 0);
        assertThat(none.warnings()).anyMatch(w -> w.startsWith("no labs"));
    }

    @Test
    @DisplayName("a lab outside the stage, a lab twice, an interview stage, an unknown role are refused")
    void refusals() {
        assertThatThrownBy(() ->
                        CompositionPreview.of(catalog, "devops-engineer", "technical", List.of("design-incident"), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'design-incident' is not a lab of stage technical");
        assertThatThrownBy(() -> CompositionPreview.of(
                        catalog, "devops-engineer", "technical", List.of("k8s-crashloop", "k8s-crashloop"), 0))
                .hasMessageContaining("picked twice");
        assertThatThrownBy(() -> CompositionPreview.of(catalog, "devops-engineer", "star", null, 0))
                .hasMessageContaining("is an interview");
        assertThatThrownBy(() -> CompositionPreview.of(catalog, "nobody", "technical", null, 0))
                .hasMessageContaining("there is no role 'nobody'");
    }
}
