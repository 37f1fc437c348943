package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import dev.assay.grading.LabUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromtoolGraderTest {
    private final PromtoolGrader grader = new PromtoolGrader();
    private static final Map<String, Object> PARAMETERS =
            Map.of("rules", "/etc/prometheus/rules.yml", "tests", "checks/rules_test.yml");

    private static FixtureLab lab() {
        return new FixtureLab()
                .file("/etc/prometheus/rules.yml", "groups: []\n")
                .labFile("checks/rules_test.yml", "rule_files: [rules.yml]\n");
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, PARAMETERS);
    }

    @Test
    void passingHiddenTestsPassAndTheFilesGoToTheSandboxOnly() {
        FixtureLab lab = lab().sandbox(files -> FixtureLab.ok("Unit Testing:  tests.yml\n  SUCCESS\n"));
        CheckResult result = grader.grade(lab, PARAMETERS);
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(lab.labCommands()).as("nothing runs in the lab").isEmpty();
        Map<String, byte[]> handed = lab.sandboxFiles().get(0);
        assertThat(new String(handed.get("rules.yml"), StandardCharsets.UTF_8)).isEqualTo("{\"groups\":[]}");
        assertThat(new String(handed.get("tests.yml"), StandardCharsets.UTF_8)).contains("rule_files");
    }

    @Test
    void annotationsAreLeftToTheCandidateAndEverythingElseKept() {
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 5m\n"
                + "        labels: {severity: page}\n        annotations: {summary: '{{ $labels.job }} is down'}\n";
        String handed = new String(
                PromtoolGrader.withoutAnnotations(rules.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(handed)
                .isEqualTo("{\"groups\":[{\"name\":\"g\",\"rules\":[{\"alert\":\"A\",\"expr\":\"up == 0\","
                        + "\"for\":\"5m\",\"labels\":{\"severity\":\"page\"}}]}]}");
        byte[] broken = "groups: [\n".getBytes(StandardCharsets.UTF_8);
        assertThat(PromtoolGrader.withoutAnnotations(broken))
                .as("promtool reports it")
                .isEqualTo(broken);
    }

    @Test
    void nearMissRulesFailWithWhatPromtoolSaid() {
        FixtureLab lab = lab().sandbox(files -> FixtureLab.exit(
                1,
                "Unit Testing:  tests.yml\n  FAILED:\n    alertname: HighErrorRate, time: 10m,\n"
                        + "        exp:[...],\n        got:[]\n",
                ""));
        CheckResult result = grader.grade(lab, PARAMETERS);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("FAILED", "alertname: HighErrorRate");
    }

    @Test
    void missingCandidateRulesFail() {
        FixtureLab lab = new FixtureLab().labFile("checks/rules_test.yml", "rule_files: [rules.yml]\n");
        assertThat(grader.grade(lab, PARAMETERS).message()).contains("does not exist");
    }

    @Test
    void aMissingHiddenTestOrPromtoolIsNotTheCandidatesFault() {
        FixtureLab noTests = new FixtureLab().file("/etc/prometheus/rules.yml", "groups: []\n");
        assertThatThrownBy(() -> grader.grade(noTests, PARAMETERS)).isInstanceOf(LabUnavailableException.class);
        FixtureLab noPromtool = lab().sandbox(files -> FixtureLab.exit(127, "", "sh: promtool: not found"));
        assertThatThrownBy(() -> grader.grade(noPromtool, PARAMETERS))
                .isInstanceOf(LabUnavailableException.class)
                .hasMessageContaining("promtool is missing");
    }

    @Test
    void testsMustStayInsideTheLab() {
        assertThat(grader.parameters().check(Map.of("rules", "/r.yml", "tests", "../../etc/passwd")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("rules", "r.yml", "tests", "t.yml")))
                .isNotEmpty();
    }
}
