package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {

    @Test
    @DisplayName("a role with other skills, stages and cuts loads and validates with no code change")
    void fixtureRoleLoads(@TempDir Path dir) throws Exception {
        LabCatalog catalog = LabCatalog.load(BrokenLabsTest.copyBase(dir), GraderRegistry.discover());

        assertThat(catalog.problems()).isEmpty();
        Role role = catalog.role("data-platform-engineer").orElseThrow();
        assertThat(role.skills()).extracting(Role.Skill::id).containsExactly("sql", "pipelines", "python");
        assertThat(role.stages()).extracting(Role.Stage::id).containsExactly("screen", "architecture");
        assertThat(role.cuts()).containsExactly(0.3, 0.5, 0.7, 0.9);

        Lab lab = catalog.lab("demo").orElseThrow();
        assertThat(lab.timeLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(lab.points()).isEqualTo(3.0);
        assertThat(lab.checks().get(0).parameters()).containsEntry("exitCode", 0L);
        assertThat(lab.environment().resources().memoryBytes()).isEqualTo(512L << 20);

        Coverage coverage = Coverage.of(role, catalog);
        assertThat(coverage.lines())
                .filteredOn(line -> line.skill().id().equals("sql"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.labs()).containsExactly("demo");
                    assertThat(line.points()).isEqualTo(0.5);
                    assertThat(line.thin()).isTrue();
                });
        assertThat(coverage.table()).contains("sql", "<- fewer than 2 labs");
    }

    @Test
    @DisplayName("a role naming a lab that does not exist is reported and not served")
    void roleWithUnknownLab(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Path role = labs.resolve("roles/data-platform-engineer.yaml");
        Files.writeString(role, Files.readString(role).replace("labs: [demo]", "labs: [demo, ghost]"));

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.role("data-platform-engineer")).isEmpty();
        assertThat(catalog.lab("demo")).isPresent();
        assertThat(catalog.problems())
                .singleElement()
                .asString()
                .contains("data-platform-engineer.yaml:19:5: stages[0].labs: no lab 'ghost'");
    }

    @Test
    @DisplayName("a mistake in a role is reported once, not echoed as errors in the labs it lists")
    void brokenRoleDoesNotCascade(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Path role = labs.resolve("roles/data-platform-engineer.yaml");
        Files.writeString(
                role, Files.readString(role).replace("ratingCuts: [0.3, 0.5, 0.7, 0.9]", "ratingCuts: [0.9, 0.5]"));

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.role("data-platform-engineer")).isEmpty();
        assertThat(catalog.lab("demo")).isPresent();
        assertThat(catalog.problems())
                .singleElement()
                .asString()
                .contains("ratingCuts: must be four increasing numbers");
    }

    @Test
    @DisplayName("the repository's own lab content is valid")
    void repositoryContentIsValid() {
        LabCatalog catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.role("devops-engineer"))
                .get()
                .satisfies(role -> assertThat(role.skills())
                        .filteredOn(Role.Skill::mustHave)
                        .extracting(Role.Skill::id)
                        .containsExactly("aws", "kubernetes", "nodejs", "cicd", "iac", "monitoring", "linux", "git"));
        assertThat(catalog.labs()).isNotEmpty();
    }

    @Test
    @DisplayName(
            "every repository lab carries its review: requirements table, 2 alternatives, 3 near misses, 2 tampers")
    void everyLabCarriesItsReview() throws Exception {
        LabCatalog catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        List<String> lacking = new ArrayList<>();
        for (Lab lab : catalog.labs()) {
            List<String> missing = new ArrayList<>();
            if (!Files.isRegularFile(lab.directory().resolve("requirements.md"))) {
                missing.add("requirements.md");
            }
            long alternatives;
            try (Stream<Path> files = Files.list(lab.directory().resolve("solution"))) {
                alternatives = files.filter(f -> f.getFileName().toString().matches("alternative-.*\\.sh"))
                        .count();
            }
            if (alternatives < 2) {
                missing.add(alternatives + " alternatives (solution/alternative-*.sh), 2 needed");
            }
            if (lab.mutants().size() < 3) {
                missing.add(lab.mutants().size() + " near misses (mutants:), 3 needed");
            }
            if (lab.tampers().size() < 2) {
                missing.add(lab.tampers().size() + " tamper attempts (tampers:), 2 needed");
            }
            if (!missing.isEmpty()) {
                lacking.add(lab.id() + ": " + String.join("; ", missing));
            }
        }
        assertThat(lacking)
                .as("what each lab lacks (labs/README.md, The self-test)")
                .isEmpty();
    }

    @Test
    @DisplayName("labs/README.md documents every grader and every parameter")
    void graderDocumentationIsComplete() throws Exception {
        String readme = Files.readString(Path.of("..", "labs", "README.md"));
        GraderRegistry registry = GraderRegistry.discover();
        for (String id : registry.ids()) {
            String row = readme.lines()
                    .filter(line -> line.startsWith("| `" + id + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for grader " + id + " in labs/README.md"));
            registry.find(id)
                    .orElseThrow()
                    .parameters()
                    .parameters()
                    .keySet()
                    .forEach(parameter -> assertThat(row).as("grader %s", id).contains("`" + parameter + "`"));
        }
    }

    @Test
    void aMissingFolderIsOneClearProblem() {
        LabCatalog catalog = LabCatalog.load(Path.of("no-such-labs"), GraderRegistry.discover());
        assertThat(catalog.labs()).isEmpty();
        assertThat(catalog.problems()).singleElement().asString().contains("no-such-labs: no such folder");
    }
}
