package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rubric as the hiring team edits it: it reads back what it writes, and every mistake is named. */
class RubricYamlTest {
    private static LabCatalog catalog;
    private static Role role;

    @BeforeAll
    static void load() {
        catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        role = catalog.role("devops-engineer").orElseThrow();
    }

    @Test
    void readsBackWhatItWrites() {
        Rubric files = Rubric.ofFiles(role, "technical", catalog);
        String yaml = RubricYaml.write(files);
        Rubric read = RubricYaml.read(yaml, role, "technical", catalog, 3);
        assertThat(read.labs()).isEqualTo(files.labs());
        assertThat(read.cuts()).isEqualTo(files.cuts());
        assertThat(read.version()).isEqualTo(3);
        assertThat(RubricYaml.write(read)).isEqualTo(yaml);
    }

    @Test
    void idsThatYamlWouldReadAsBooleansStayStrings() {
        assertThat(RubricYaml.quoted("on")).isEqualTo("\"on\"");
        assertThat(RubricYaml.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String yaml = RubricYaml.write(Rubric.ofFiles(role, "technical", catalog))
                .replace("ratingCuts: [0.2, 0.45, 0.6, 0.85]", "ratingCuts: [0.5, 0.4, 0.6, 0.85]")
                .replace("\"config-serves-80\": {points: 2,", "\"config-serves-80\": {points: -1,")
                .replace(
                        "\"nginx-listens\": {points: 1, gate: false, skills: {\"linux\": 1}}",
                        "\"nginx-listens\": {points: 1, gate: false, skills: {\"linux\": 0.5, \"cooking\": 0.5}}");
        assertThatThrownBy(() -> RubricYaml.read(yaml, role, "technical", catalog, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ratingCuts: [0.5, 0.4, 0.6, 0.85] must rise strictly")
                .hasMessageContaining("labs.linux-web-outage.checks.config-serves-80.points: a number more than 0")
                .hasMessageContaining("labs.linux-web-outage.checks.nginx-listens.skills.cooking: not a skill of");
    }

    @Test
    void refusesWhatIsNotARubric() {
        assertThatThrownBy(() -> RubricYaml.read("- a\n- b\n", role, "technical", catalog, 1))
                .hasMessageContaining("must be a map");
        assertThatThrownBy(() -> RubricYaml.read("a: [\n", role, "technical", catalog, 1))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(
                        () -> RubricYaml.read("a: &x [1]\nb: *x\nc: !!java.io.File x\n", role, "technical", catalog, 1))
                .isInstanceOf(InvalidInputException.class);
        String other = "ratingCuts: [0.2, 0.45, 0.6, 0.85]\nlabs:\n  no-such-lab: {version: \"1\", checks: {}}\n";
        assertThatThrownBy(() -> RubricYaml.read(other, role, "technical", catalog, 1))
                .hasMessageContaining("labs.no-such-lab: not a lab of devops-engineer/technical");
    }

    @Test
    void aStoredRubricForAnOlderLabVersionLeavesThatLabToItsFiles() {
        String yaml = RubricYaml.write(Rubric.ofFiles(role, "technical", catalog))
                .replaceFirst("(\"linux-web-outage\":\\s+version: )\"3\"", "$1\"0\"");
        Rubric stored = RubricYaml.readStored(yaml, role, "technical", catalog, 2);
        var lab = catalog.lab("linux-web-outage").orElseThrow();
        assertThat(stored.applyTo(lab)).isSameAs(lab);
        assertThat(stored.staleLabs(catalog)).hasSize(1);
    }
}
