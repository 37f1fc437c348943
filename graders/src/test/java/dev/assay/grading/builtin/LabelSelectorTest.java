package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.assay.grading.builtin.LabelSelector.Match;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes' label selector rules (apimachinery's LabelSelectorAsSelector), each way a selector can be written. */
class LabelSelectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> POD = Map.of("app", "flow-audit", "tier", "backend");

    @DisplayName("a selector selects a pod labelled app=flow-audit, tier=backend, or not")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                                                | YES",
                "{\"matchLabels\": {\"app\": \"flow-audit\"}}                                       | YES",
                "{\"matchLabels\": {\"app\": \"flow-audit\", \"tier\": \"backend\"}}                | YES",
                "{\"matchLabels\": {\"app\": \"flow-audit\", \"version\": \"v2\"}}                  | NO",
                "{\"matchLabels\": {\"app\": \"flowaudit\"}}                                        | NO",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"In\", \"values\": [\"x\", \"flow-audit\"]}]} | YES",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"In\", \"values\": [\"x\"]}]}     | NO",
                "{\"matchExpressions\": [{\"key\": \"role\", \"operator\": \"NotIn\", \"values\": [\"frontend\"]}]} | YES",
                "{\"matchExpressions\": [{\"key\": \"tier\", \"operator\": \"NotIn\", \"values\": [\"backend\"]}]} | NO",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Exists\"}]}              | YES",
                "{\"matchExpressions\": [{\"key\": \"role\", \"operator\": \"Exists\"}]}             | NO",
                "{\"matchExpressions\": [{\"key\": \"role\", \"operator\": \"DoesNotExist\"}]}       | YES",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"DoesNotExist\"}]}        | NO",
                "{\"matchLabels\": {\"app\": \"flow-audit\"}, \"matchExpressions\": [{\"key\": \"tier\", \"operator\": \"In\", \"values\": [\"frontend\"]}]} | NO",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Equals\", \"values\": [\"flow-audit\"]}]} | UNKNOWN",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"In\", \"values\": []}]}       | UNKNOWN",
                "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Exists\", \"values\": [\"x\"]}]} | UNKNOWN",
                "\"app=flow-audit\"                                                                  | UNKNOWN"
            })
    void matchesAsKubernetesDoes(String selector, Match expected) throws Exception {
        assertThat(LabelSelector.matches(JSON.readTree(selector), POD, true)).isEqualTo(expected);
    }

    @Test
    void anAbsentSelectorSelectsNothing() {
        assertThat(LabelSelector.matches(MissingNode.getInstance(), POD, true)).isEqualTo(Match.NO);
    }

    @Test
    void anEmptySelectorOfAV1beta1BudgetSelectsNothing() throws Exception {
        JsonNode empty = JSON.readTree("{}");
        assertThat(LabelSelector.matches(empty, POD, false)).isEqualTo(Match.NO);
        assertThat(LabelSelector.matches(JSON.readTree("{\"matchLabels\": {}}"), POD, false))
                .isEqualTo(Match.NO);
    }
}
