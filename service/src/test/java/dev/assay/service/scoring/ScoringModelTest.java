package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.catalog.Role;
import dev.assay.service.core.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringModelTest {
    private static final Role ROLE = new Role(
            "devops-engineer",
            "DevOps Engineer",
            "test",
            List.of(
                    new Role.Skill("linux", "Linux", true, ""),
                    new Role.Skill("git", "Git", true, ""),
                    new Role.Skill("kubernetes", "Kubernetes", true, ""),
                    new Role.Skill("databases", "Databases", false, "")),
            List.of(new Role.Stage("technical", "Technical", List.of("lab"))),
            List.of(0.20, 0.45, 0.60, 0.85));

    private static ScoringModel.Item item(String skill, double points, @Nullable Double credit) {
        return new ScoringModel.Item(
                "lab", skill + "-" + points + "-" + credit, points, Map.of(skill, 1.0), false, credit);
    }

    private static ScoringModel.Item gate(String skill, @Nullable Double credit) {
        return new ScoringModel.Item("lab", "gate-" + skill, 1, Map.of(skill, 1.0), true, credit);
    }

    /** Two full-credit checks each for linux and git: the base every row varies. */
    private static List<ScoringModel.Item> strong() {
        return new ArrayList<>(
                List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 1.0), item("git", 1, 1.0)));
    }

    private static List<ScoringModel.Item> with(ScoringModel.Item... extra) {
        List<ScoringModel.Item> items = strong();
        items.addAll(List.of(extra));
        return items;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("every measured must-have strong", strong(), "advance", ""),
                Arguments.of(
                        "a must-have with one counted check has no decision",
                        List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 1.0)),
                        "review",
                        "must-have git: no decision (1 counted check(s)"),
                Arguments.of(
                        "coverage under 60% (not gradable checks) has no decision",
                        with(item("git", 5, null), item("git", 5, null)), "review", "coverage 17% is under 60%"),
                Arguments.of(
                        "a failed gate rejects whatever the skills",
                        with(gate("linux", 0.0)),
                        "reject",
                        "gate lab/gate-linux failed"),
                Arguments.of("an advisory gate does not reject", with(gate("linux", null)), "advance", ""),
                Arguments.of(
                        "a gate that could not be graded goes to an interviewer, never advances",
                        with(new ScoringModel.Item(
                                "lab", "serves", 3, Map.of("linux", 1.0), true, null, "the grader did not finish")),
                        "review",
                        "gate lab/serves could not be graded (the grader did not finish): an interviewer decides"),
                Arguments.of(
                        "a check that dropped out of the count goes to an interviewer, never advances",
                        with(new ScoringModel.Item("lab", "listens", 1, Map.of("git", 1.0), false, null, "timed out")),
                        "review",
                        "check lab/listens could not be graded (timed out)"),
                Arguments.of(
                        "a must-have at no rejects",
                        List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 0.4), item("git", 1, 0.4)),
                        "reject",
                        "must-have git rated no"),
                Arguments.of(
                        "a must-have at mixed goes to an interviewer",
                        List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 0.5), item("git", 1, 0.5)),
                        "review",
                        "must-have git rated mixed"));
    }

    static Stream<Arguments> borderlines() {
        return Stream.of(
                Arguments.of(
                        "borderline: exactly on the 0.60 cut is yes",
                        List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 0.6), item("git", 1, 0.6)),
                        "advance",
                        ""),
                Arguments.of(
                        "borderline: just under the cut is mixed",
                        List.of(
                                item("linux", 2, 1.0),
                                item("linux", 2, 1.0),
                                item("git", 1, 0.599),
                                item("git", 1, 0.6)),
                        "review",
                        "must-have git rated mixed"),
                Arguments.of(
                        "a strong nice-to-have does not compensate a mixed must-have",
                        List.of(
                                item("linux", 2, 1.0),
                                item("linux", 2, 1.0),
                                item("git", 1, 0.5),
                                item("git", 1, 0.5),
                                item("databases", 5, 1.0),
                                item("databases", 5, 1.0)),
                        "review",
                        "must-have git rated mixed"),
                Arguments.of(
                        "a weak nice-to-have does not reject",
                        with(item("databases", 1, 0.0), item("databases", 1, 0.0)),
                        "advance",
                        ""),
                Arguments.of(
                        "a stage that measures no must-have goes to an interviewer",
                        List.of(item("databases", 1, 1.0), item("databases", 1, 1.0)),
                        "review",
                        "no must-have skill"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"table", "borderlines"})
    void recommendations(String name, List<ScoringModel.Item> items, String verdict, String reason) {
        Scorecard card = ScoringModel.score(ROLE, "technical", items, Map.of("lab", "1"));
        assertThat(card.recommendation().verdict().wire())
                .as(card.recommendation().reasons().toString())
                .isEqualTo(verdict);
        if (!reason.isEmpty()) {
            assertThat(String.join("; ", card.recommendation().reasons())).contains(reason);
        }
        assertThat(card.versions())
                .containsEntry("scoringModel", ScoringModel.VERSION)
                .containsEntry("lab", "1");
    }

    @Test
    void skillsUnmeasuredByTheStageAreReportedNotHeldAgainstIt() {
        Scorecard card = ScoringModel.score(ROLE, "technical", strong(), Map.of());
        Scorecard.Skill kubernetes = card.skills().stream()
                .filter(s -> s.id().equals("kubernetes"))
                .findFirst()
                .orElseThrow();
        assertThat(kubernetes.assessed()).isFalse();
        assertThat(kubernetes.rating()).isNull();
        assertThat(kubernetes.noDecision()).isEqualTo("no check of this stage measures it");
        assertThat(card.recommendation().verdict()).isEqualTo(Verdict.ADVANCE);
    }

    @Test
    @DisplayName("a stage that declares what it measures: a must-have it touches in passing and cannot decide is"
            + " reported, not held against it; a declared one it cannot decide goes to review")
    void declaredMeasuresDecideTheStage() {
        Role declaring = new Role(
                ROLE.id(),
                ROLE.title(),
                ROLE.source(),
                ROLE.skills(),
                List.of(new Role.Stage(
                        "technical",
                        "Technical",
                        Role.Kind.LABS,
                        List.of("linux", "git"),
                        dev.assay.service.catalog.Blueprint.listed(List.of("lab"), List.of()),
                        null)),
                ROLE.cuts());
        Scorecard passing = ScoringModel.score(declaring, "technical", with(item("kubernetes", 1, 1.0)), Map.of());
        assertThat(passing.skills().stream().filter(s -> s.id().equals("kubernetes")))
                .singleElement()
                .satisfies(k -> assertThat(k.noDecision()).contains("1 counted check"));
        assertThat(passing.recommendation().verdict())
                .as(passing.recommendation().reasons().toString())
                .isEqualTo(Verdict.ADVANCE);
        assertThat(ScoringModel.score(ROLE, "technical", with(item("kubernetes", 1, 1.0)), Map.of())
                        .recommendation()
                        .verdict())
                .as("undeclared: every must-have the checks weigh counts")
                .isEqualTo(Verdict.REVIEW);

        Scorecard thin = ScoringModel.score(
                declaring,
                "technical",
                List.of(item("linux", 2, 1.0), item("linux", 2, 1.0), item("git", 1, 1.0)),
                Map.of());
        assertThat(thin.recommendation().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(thin.recommendation().reasons())
                .as("a declared must-have the stage weighs but cannot decide still goes to review")
                .anySatisfy(r -> assertThat(r).startsWith("must-have git: no decision"));
    }

    @Test
    void scoresWeighPointsAndSkillShares() {
        List<ScoringModel.Item> items = List.of(
                new ScoringModel.Item("lab", "a", 3, Map.of("linux", 1.0), false, 1.0),
                new ScoringModel.Item("lab", "b", 1, Map.of("linux", 0.5, "git", 0.5), false, 0.0),
                new ScoringModel.Item("lab", "c", 1, Map.of("linux", 1.0), false, null));
        Scorecard.Skill linux =
                ScoringModel.score(ROLE, "technical", items, Map.of()).skills().get(0);
        assertThat(linux.score()).isEqualTo(3.0 / 3.5);
        assertThat(linux.coverage()).isEqualTo(3.5 / 4.5);
        assertThat(linux.countedChecks()).isEqualTo(2);
        assertThat(linux.rating()).isEqualTo(Rating.STRONG_YES);
    }

    @Test
    void aRescoreWithNewWeightsChangesTheRecommendationFromTheSameStoredCredits() {
        // stored once: credits per check; no grader runs again below, only the rubric changes
        List<Double> stored = List.of(1.0, 1.0, 1.0, 0.0, 0.0);
        List<ScoringModel.Item> v1 = List.of(
                item("linux", 2, stored.get(0)),
                item("linux", 2, stored.get(1)),
                item("git", 3, stored.get(2)),
                item("git", 1, stored.get(3)),
                item("git", 1, stored.get(4)));
        assertThat(ScoringModel.score(ROLE, "technical", v1, Map.of("rubric", "1"))
                        .recommendation()
                        .verdict())
                .isEqualTo(Verdict.ADVANCE); // git 3 of 5 points: 0.60, yes
        List<ScoringModel.Item> v2 = new ArrayList<>(v1);
        v2.set(2, item("git", 1, stored.get(2))); // the hiring team lowers the first git check to 1 point
        Scorecard rescored = ScoringModel.score(ROLE, "technical", v2, Map.of("rubric", "2"));
        assertThat(rescored.recommendation().verdict()).isEqualTo(Verdict.REJECT); // git 1 of 3: 0.33, no
        assertThat(rescored.versions()).containsEntry("rubric", "2");
    }
}
