package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.GraderRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The composer, on made-up labs (each check of one skill; ids starting "adv" are advisory) and on the repository's. */
class ComposerTest {
    private static final Predicate<Lab.Check> COUNTS = check -> !check.id().startsWith("adv");
    private static final Lab.Environment ENVIRONMENT = new Lab.Environment(
            "container",
            "assay/workbench",
            null,
            new Lab.Resources(1, 512L << 20, 64, 1L << 30),
            List.of(),
            "none",
            List.of(),
            List.of(),
            List.of());

    @Test
    @DisplayName("a blueprint only one selection meets is met by every composition: the composer searches")
    void searchesForTheOnlySelection() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String skill = List.of("a", "b", "c").get(i % 3);
            put(labs, lab("long-" + i, "medium", 30, skill, 2));
        }
        put(labs, lab("short-a", "medium", 20, "a", 2));
        put(labs, lab("short-b", "medium", 20, "b", 2));
        put(labs, lab("short-c", "medium", 20, "c", 2));
        Role.Stage stage = stage(60, List.of(), List.copyOf(labs.keySet()), List.of("a", "b", "c"), 2, 0.5);
        Composer composer = composer(stage, labs);

        assertThat(composer.choices()).isEqualTo(1);
        for (long seed = 0; seed < 200; seed++) {
            Composition composition = composer.compose(seed);
            assertThat(composition.labs()).containsExactly("short-a", "short-b", "short-c");
            assertThat(composition.shortOf(stage.blueprint())).isEmpty();
            assertThat(composition.minutes()).isEqualTo(Duration.ofMinutes(60));
        }
    }

    @Test
    @DisplayName("the same seed gives the same composition; seeds vary it")
    void deterministicAndVaried() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            put(labs, lab("lab-" + i, "medium", 20, "a", 1));
        }
        Role.Stage stage = stage(60, List.of(), List.copyOf(labs.keySet()), List.of("a"), 2, 1.0);

        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            Composition once = composer(stage, labs).compose(seed);
            assertThat(composer(stage, labs).compose(seed)).isEqualTo(once);
            assertThat(once.labs()).hasSize(2);
            seen.add(once.labs());
        }
        assertThat(seen).as("pairs of six labs drawn over 100 seeds").hasSizeGreaterThan(8);
    }

    @Test
    @DisplayName("no pool lab exceeds the exposure share where the selections allow it")
    void exposureIsCapped() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        put(labs, lab("x", "hard", 20, "a", 2));
        put(labs, lab("y", "medium", 20, "a", 1));
        put(labs, lab("z", "easy", 20, "a", 1));
        put(labs, lab("w", "easy", 20, "a", 1));
        Role.Stage stage = stage(40, List.of(), List.of("x", "y", "z", "w"), List.of("a"), 2, 0.4);
        Composer composer = composer(stage, labs);
        assertThat(composer.choices()).as("{x}, {y,z}, {y,w}, {z,w}").isEqualTo(4);

        Map<String, Integer> picked = new HashMap<>();
        int seeds = 4000;
        for (long seed = 0; seed < seeds; seed++) {
            composer.compose(seed).labs().forEach(lab -> picked.merge(lab, 1, Integer::sum));
        }
        // Uniform over the four selections would give y, z and w 50 % each.
        for (String lab : List.of("x", "y", "z", "w")) {
            assertThat(picked.getOrDefault(lab, 0) / (double) seeds).as(lab).isBetween(0.33, 0.43);
        }
    }

    @Test
    @DisplayName("exposure reaches the cap even when every selection holds an over-exposed lab")
    void exposureWhereEverySelectionHoldsAnOverExposedLab() {
        // The DevOps technical stage's eight selections: uniform gives aws-ci 75 %, and every selection holds aws-ci
        // or rbac, so scaling each selection by its worst lab alone changes nothing; 50 % each is reachable.
        List<List<String>> sets = List.of(
                List.of("aws-ci", "iac-risky", "k8s-a"),
                List.of("aws-ci", "iac-risky", "k8s-b"),
                List.of("aws-ci", "iac-risky", "k8s-c"),
                List.of("aws-ci", "iac-risky", "rbac"),
                List.of("aws-ci", "iac-s3", "k8s-a"),
                List.of("aws-ci", "iac-s3", "k8s-b"),
                List.of("aws-policy", "iac-risky", "rbac"),
                List.of("iac-s3", "rbac"));
        List<Selections.Option> options = sets.stream()
                .map(ids -> new Selections.Option(
                        ids.stream().map(id -> lab(id, "medium", 20, "a", 1)).toList(), Duration.ofMinutes(60), 6))
                .toList();

        double[] weights = Composer.weights(options, 0.5);

        Map<String, Double> share = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            for (Lab lab : options.get(i).picked()) {
                share.merge(lab.id(), weights[i], Double::sum);
            }
        }
        assertThat(Arrays.stream(weights).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(share.values()).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(0.505));
    }

    @Test
    @DisplayName("a selection far harder than the median one is never composed")
    void difficultyStaysInBand() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        put(labs, lab("easy-one", "easy", 20, "a", 2));
        put(labs, lab("medium-one", "medium", 20, "a", 2));
        put(labs, lab("medium-two", "medium", 20, "a", 2));
        put(labs, lab("hard-one", "hard", 20, "a", 1));
        put(labs, lab("hard-two", "hard", 20, "a", 1));
        Role.Stage stage = stage(60, List.of(), List.copyOf(labs.keySet()), List.of("a"), 2, 1.0);
        Composer composer = composer(stage, labs);

        assertThat(composer.choices())
                .as("{hard-one, hard-two} (6) lies beyond 2 +- 1")
                .isEqualTo(3);
        for (long seed = 0; seed < 300; seed++) {
            Composition composition = composer.compose(seed);
            assertThat(composition.labs()).doesNotContain("hard-one", "hard-two");
            assertThat(composition.difficulty()).isBetween(1, 3);
        }
    }

    @Test
    @DisplayName("advisory checks count toward coverage's total but not as evidence")
    void advisoryChecksDoNotCount() {
        Map<String, Lab> labs = new LinkedHashMap<>();
        Lab.Check counted = check("one", 1, "a");
        Lab.Check advisory = check("adv-one", 3, "a");
        put(
                labs,
                new Lab(
                        "mixed",
                        "1",
                        "mixed",
                        "mixed",
                        "technical",
                        "medium",
                        Duration.ofMinutes(20),
                        Map.of("a", 1.0),
                        ENVIRONMENT,
                        Path.of("README.md"),
                        Path.of("interviewer.md"),
                        List.of(counted, advisory),
                        0,
                        Path.of("solve.sh"),
                        List.of(),
                        List.of(),
                        Path.of("mixed")));
        Role.Stage stage = stage(60, List.of("mixed"), List.of(), List.of("a"), 1, 0);

        Composition composition = composer(stage, labs).compose(1);

        assertThat(composition.evidence().get("a")).isEqualTo(new Composition.SkillEvidence("a", 1, 0.25, 1.0));
        assertThat(composition.shortOf(new Blueprint(
                        Duration.ofMinutes(60), List.of(), List.of(), new Blueprint.Evidence(1, 0.6, 0), 1.0)))
                .singleElement()
                .asString()
                .startsWith("a: 1 counted check(s), coverage 25%");
    }

    @Test
    @DisplayName("an interview stage has nothing to compose")
    void interviewStagesAreNotComposed() {
        Role.Stage interview = new Role.Stage(
                "star", "STAR", Role.Kind.INTERVIEW, List.of("a"), Blueprint.none(), new InterviewKit(List.of()));
        assertThatThrownBy(() -> Composer.of(role(interview), interview, id -> Optional.empty(), COUNTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an interview");
    }

    @Test
    @DisplayName("every composition of the DevOps role's labs stages meets its blueprint and budget")
    void repositoryStagesAlwaysMeetTheirBlueprints() {
        LabCatalog catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        Role role = catalog.role("devops-engineer").orElseThrow();
        long budgets = 0;
        for (Role.Stage stage : role.stages()) {
            if (stage.kind() != Role.Kind.LABS) {
                continue;
            }
            budgets += stage.blueprint().budget().toMinutes();
            assertThat(stage.blueprint().budget()).isLessThanOrEqualTo(Duration.ofMinutes(90));
            Composer composer = Composer.of(role, stage, catalog);
            for (long seed = 0; seed < 300; seed++) {
                Composition composition = composer.compose(seed);
                assertThat(composition.shortOf(stage.blueprint()))
                        .as(stage.id() + " seed " + seed)
                        .isEmpty();
                assertThat(composition.labs()).containsAll(stage.labs());
            }
        }
        assertThat(budgets).as("the lab stages' budgets together").isLessThanOrEqualTo(180);
        Set<String> mustHaves = role.skills().stream()
                .filter(Role.Skill::mustHave)
                .map(Role.Skill::id)
                .collect(Collectors.toSet());
        assertThat(role.stages().stream()
                        .filter(stage -> stage.kind() == Role.Kind.LABS)
                        .flatMap(stage -> stage.measures().stream())
                        .collect(Collectors.toSet()))
                .as("every must-have is decided by a labs stage")
                .containsAll(mustHaves);
        assertThat(role.stages().stream()
                        .filter(s -> s.id().equals("technical"))
                        .findFirst()
                        .orElseThrow()
                        .labs())
                .as("the technical stage gives no lab to everyone: its whole pool varies")
                .isEmpty();
    }

    private static Composer composer(Role.Stage stage, Map<String, Lab> labs) {
        return Composer.of(role(stage), stage, id -> Optional.ofNullable(labs.get(id)), COUNTS);
    }

    private static Role role(Role.Stage stage) {
        List<Role.Skill> skills = Arrays.stream(new String[] {"a", "b", "c"})
                .map(id -> new Role.Skill(id, id, true, id))
                .toList();
        return new Role("made-up", "Made up", "test", skills, List.of(stage), Role.DEFAULT_CUTS);
    }

    private static Role.Stage stage(
            int budget, List<String> fixed, List<String> pool, List<String> measures, int checks, double exposure) {
        return new Role.Stage(
                "stage",
                "Stage",
                Role.Kind.LABS,
                measures,
                new Blueprint(Duration.ofMinutes(budget), fixed, pool, new Blueprint.Evidence(checks, 0, 0), exposure),
                null);
    }

    private static void put(Map<String, Lab> labs, Lab lab) {
        labs.put(lab.id(), lab);
    }

    /** A lab of {@code checks} counted checks of one point, each all about {@code skill}. */
    private static Lab lab(String id, String difficulty, int minutes, String skill, int checks) {
        List<Lab.Check> list = java.util.stream.IntStream.range(0, checks)
                .mapToObj(i -> check(id + "-" + i, 1, skill))
                .toList();
        return new Lab(
                id,
                "1",
                id,
                id,
                "technical",
                difficulty,
                Duration.ofMinutes(minutes),
                Map.of(skill, 1.0),
                ENVIRONMENT,
                Path.of("README.md"),
                Path.of("interviewer.md"),
                list,
                0,
                Path.of("solve.sh"),
                List.of(),
                List.of(),
                Path.of(id));
    }

    private static Lab.Check check(String id, double points, String skill) {
        return new Lab.Check(
                id,
                id,
                "file",
                Map.of(),
                points,
                Map.of(skill, 1.0),
                Lab.Visibility.HIDDEN,
                null,
                Duration.ofSeconds(30),
                false);
    }
}
