package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The selector and probe rules judge what an object does, whichever way it is written. */
class KubeSemanticsTest {
    private final KubernetesGrader grader = new KubernetesGrader();

    private static String budget(String apiVersion, String selector) {
        return """
                {"apiVersion": "%s", "kind": "PodDisruptionBudget", "metadata": {"name": "flow-audit"},
                 "spec": {"minAvailable": 1, "selector": %s}}
                """.formatted(apiVersion, selector);
    }

    private static final Map<String, Object> SELECTS_FLOW_AUDIT = Map.of(
            "kind",
            "PodDisruptionBudget",
            "apiVersion",
            "policy/v1beta1",
            "name",
            "flow-audit",
            "selects",
            List.of(
                    Map.of("path", "spec.selector", "labels", Map.of("app", "flow-audit"), "expect", "match"),
                    Map.of("path", "spec.selector", "labels", Map.of("role", "frontend"), "expect", "nomatch")));

    @Nested
    class Selects {
        @Test
        void everyFormOfTheSameSelectorPasses() {
            for (String selector : List.of(
                    "{\"matchLabels\": {\"app\": \"flow-audit\"}}",
                    "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"In\", \"values\": [\"flow-audit\"]}]}",
                    "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"In\", \"values\": [\"flow-audit\","
                            + " \"flow-audit-v2\"]}]}",
                    "{\"matchLabels\": {\"app\": \"flow-audit\"}, \"matchExpressions\": [{\"key\": \"role\","
                            + " \"operator\": \"DoesNotExist\"}]}")) {
                CheckResult result =
                        grader.grade(new FixtureLab().kube(budget("policy/v1beta1", selector)), SELECTS_FLOW_AUDIT);
                assertThat(result.verdict().status())
                        .as(selector + ": " + result.message())
                        .isEqualTo("pass");
            }
        }

        @Test
        void aSelectorOfNoPodOrEveryPodFails() {
            CheckResult typo = grader.grade(
                    new FixtureLab().kube(budget("policy/v1beta1", "{\"matchLabels\": {\"app\": \"flowaudit\"}}")),
                    SELECTS_FLOW_AUDIT);
            assertThat(typo.message()).contains("spec.selector does not select {app=flow-audit}");
            CheckResult empty = grader.grade(new FixtureLab().kube(budget("policy/v1beta1", "{}")), SELECTS_FLOW_AUDIT);
            assertThat(empty.message())
                    .as("policy/v1beta1: an empty selector selects no pod")
                    .contains("does not select {app=flow-audit}");
            CheckResult every = grader.grade(
                    new FixtureLab().kube(budget("policy/v1", "{}")),
                    Map.of("kind", "PodDisruptionBudget", "selects", SELECTS_FLOW_AUDIT.get("selects")));
            assertThat(every.message()).contains("spec.selector selects {role=frontend}");
        }

        @Test
        void anOperatorTheApiRefusesIsNotJudged() {
            CheckResult result = grader.grade(
                    new FixtureLab()
                            .kube(budget(
                                    "policy/v1beta1",
                                    "{\"matchExpressions\": [{\"key\": \"app\", \"operator\": \"Like\", \"values\":"
                                            + " [\"flow\"]}]}")),
                    SELECTS_FLOW_AUDIT);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("cannot be judged");
        }
    }

    @Nested
    class ProbeTargets {
        private static final Map<String, Object> PROBES = Map.of(
                "kind",
                "Deployment",
                "probeTargets",
                Map.of("readinessProbe", "/readyz 8080", "livenessProbe", "/healthz 8080"));

        private static String deployment(String portName, String readinessPort, String livenessPath) {
            return """
                    {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "flow-audit"},
                     "spec": {"template": {"spec": {"containers": [{"name": "flow-audit",
                       "ports": [{"name": "%s", "containerPort": 8080}],
                       "readinessProbe": {"httpGet": {"path": "/readyz", "port": %s}},
                       "livenessProbe": {"httpGet": {"path": "%s", "port": 8080}}}]}}}}
                    """.formatted(portName, readinessPort, livenessPath);
        }

        @Test
        void thePortByNumberOrByAnyNameOfIt() {
            for (String[] form : List.of(
                    new String[] {"http", "8080"}, new String[] {"http", "\"http\""}, new String[] {"web", "\"web\""
                    })) {
                CheckResult result =
                        grader.grade(new FixtureLab().kube(deployment(form[0], form[1], "/healthz")), PROBES);
                assertThat(result.verdict().status()).as(String.join(" ", form)).isEqualTo("pass");
            }
        }

        @Test
        void aNameOfNoPortOrAWrongPathFails() {
            CheckResult wrongName =
                    grader.grade(new FixtureLab().kube(deployment("web", "\"http\"", "/healthz")), PROBES);
            assertThat(wrongName.message()).contains("readinessProbe gets /readyz on port http, not /readyz 8080");
            CheckResult wrongPath = grader.grade(new FixtureLab().kube(deployment("http", "8080", "/readyz")), PROBES);
            assertThat(wrongPath.message()).contains("livenessProbe gets /readyz on port 8080");
        }
    }
}
