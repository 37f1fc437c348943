package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A role's stages: labs stages with blueprints, interview stages with kits. Each file in
 * {@code catalog/broken-roles/} is the fixture role with one defect and says on its first line which line the
 * loader must blame and what it must say; the role must not be served, the lab still is.
 */
@DisplayName("A role's stages are read, and a broken stage is refused with file and line")
class RoleStagesTest {
    private static final Pattern EXPECT = Pattern.compile("# expect line (\\d+): (.*)");
    private static final String ROLE = "data-platform-engineer";

    static Stream<Named<Path>> cases() throws Exception {
        try (Stream<Path> files = Files.list(BrokenLabsTest.resource("broken-roles"))) {
            return files.sorted().map(file -> Named.of(file.getFileName().toString(), file)).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheDefectWhereItIs(Path brokenRole, @TempDir Path dir) throws Exception {
        String first = Files.readAllLines(brokenRole).get(0);
        Matcher expect = EXPECT.matcher(first);
        assertThat(expect.matches())
                .as("first line of %s: %s", brokenRole, first)
                .isTrue();
        Path labs = BrokenLabsTest.copyBase(dir);
        Path role = labs.resolve("roles/" + ROLE + ".yaml");
        Files.copy(brokenRole, role, StandardCopyOption.REPLACE_EXISTING);

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.role(ROLE)).as("a broken role is not served").isEmpty();
        assertThat(catalog.lab("demo")).as("its labs still are").isPresent();
        List<String> reported =
                catalog.problems().stream().map(Problem::toString).toList();
        assertThat(reported)
                .as("problems reported for %s", brokenRole.getFileName())
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith(role + ":" + expect.group(1) + ":")
                        .contains(expect.group(2)));
    }

    @Test
    @DisplayName("a blueprint no selection can meet within its budget is refused, saying what is missing")
    void unsatisfiableBlueprintIsRefused(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Path role = labs.resolve("roles/" + ROLE + ".yaml");
        Files.copy(
                BrokenLabsTest.resource("broken-roles/blueprint-unsatisfiable.yaml"),
                role,
                StandardCopyOption.REPLACE_EXISTING);

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.role(ROLE)).isEmpty();
        assertThat(catalog.problems())
                .singleElement()
                .asString()
                .startsWith(role + ":19:5: stages[0]: no selection of its labs meets the blueprint")
                .contains("sql: the pool has 0 lab(s) measuring it within 30m")
                .contains("the stage needs 2 counted checks");
    }

    @Test
    @DisplayName("the fixture role's blueprint and interview kit are read as written")
    void fixtureStagesAreRead(@TempDir Path dir) throws Exception {
        LabCatalog catalog = LabCatalog.load(BrokenLabsTest.copyBase(dir), GraderRegistry.discover());

        assertThat(catalog.problems()).isEmpty();
        Role role = catalog.role(ROLE).orElseThrow();
        Role.Stage screen = role.stages().get(0);
        assertThat(screen.kind()).isEqualTo(Role.Kind.LABS);
        assertThat(screen.measures()).containsExactly("sql", "pipelines");
        assertThat(screen.labs()).containsExactly("demo");
        assertThat(screen.blueprint().budget()).isEqualTo(Duration.ofMinutes(30));
        assertThat(screen.blueprint().evidence()).isEqualTo(new Blueprint.Evidence(1, 0, 0));
        assertThat(screen.blueprint().exposure()).isEqualTo(1.0);
        Role.Stage architecture = role.stages().get(1);
        assertThat(architecture.kind()).isEqualTo(Role.Kind.INTERVIEW);
        assertThat(architecture.labs()).isEmpty();
        InterviewKit kit = java.util.Objects.requireNonNull(architecture.kit());
        assertThat(kit.questions()).hasSize(2);
        InterviewKit.Question backfill = kit.questions().get(0);
        assertThat(backfill.id()).isEqualTo("backfill");
        assertThat(backfill.skills()).containsEntry("pipelines", 1.0);
        assertThat(backfill.values()).containsExactly("Own the outcome");
        assertThat(backfill.anchors()).hasSize(5);
        assertThat(backfill.points()).isEqualTo(1.0);
        assertThat(backfill.notes()).startsWith("Write down");
    }

    @Test
    @DisplayName("a role file from before blueprints (kind technical, labs only) still loads")
    void oldRoleFileStillLoads(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Files.writeString(labs.resolve("roles/" + ROLE + ".yaml"), oldRole("technical"));

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.problems()).isEmpty();
        Role.Stage screen = catalog.role(ROLE).orElseThrow().stages().get(0);
        assertThat(screen.kind()).isEqualTo(Role.Kind.LABS);
        assertThat(screen.labs()).containsExactly("demo");
        assertThat(screen.measures()).as("what its labs count checks for").containsExactly("sql", "pipelines");
        assertThat(Composer.compose(catalog.role(ROLE).orElseThrow(), screen, catalog, 7)
                        .labs())
                .containsExactly("demo");
    }

    @Test
    @DisplayName("an old stage kind still requires labs of that lab stage")
    void oldKindChecksTheLabStage(@TempDir Path dir) throws Exception {
        Path labs = BrokenLabsTest.copyBase(dir);
        Files.writeString(labs.resolve("roles/" + ROLE + ".yaml"), oldRole("system-design"));

        LabCatalog catalog = LabCatalog.load(labs, GraderRegistry.discover());

        assertThat(catalog.role(ROLE)).isEmpty();
        assertThat(catalog.problems())
                .singleElement()
                .asString()
                .contains("stages[0].labs: lab 'demo' is a technical lab, this stage is system-design");
    }

    private static String oldRole(String kind) {
        return """
                id: data-platform-engineer
                title: Data Platform Engineer
                skills:
                  mustHave:
                    - {id: sql, title: SQL, description: Writes SQL.}
                    - {id: pipelines, title: Pipelines, description: Builds pipelines.}
                stages:
                  - id: screen
                    title: Hands-on screen
                    kind: %s
                    labs: [demo]
                """.formatted(kind);
    }
}
