package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Access rows are questions to the API server; FixtureLab answers as RBAC would for the grants it is given (a
 * grant on the resource as a whole answers for every name, a grant on a name only for that name).
 */
class KubeAccessTest {
    private static final String BOT = "ServiceAccount:ci-bot";
    private static final String FLOW_RUNNER = """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "flow-runner"}}
            """;
    private static final String TOKEN_SECRET = """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "ci-bot-token-x7k2p"}}
            """;
    private static final String MQTT_SECRET = """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "mqtt-credentials"}}
            """;

    private final KubernetesGrader grader = new KubernetesGrader();

    private static Map<String, Object> row(String verb, String group, String resource, String expect, Object... more) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(
                Map.of("subject", BOT, "verb", verb, "apiGroup", group, "resource", resource, "expect", expect));
        for (int i = 0; i < more.length; i += 2) {
            row.put(String.valueOf(more[i]), more[i + 1]);
        }
        return row;
    }

    private CheckResult grade(FixtureLab lab, Object... rows) {
        return grader.grade(lab, Map.of("access", List.of(rows)));
    }

    @Nested
    @DisplayName("a row naming one object")
    class Named {
        @Test
        void aGrantScopedToThatNameIsSeen() {
            // A second Role bound to the bot lets it get the one Secret by name: unnamed, the review is denied.
            FixtureLab lab = new FixtureLab().kubeAllows(BOT + " get /secrets mqtt-credentials");
            assertThat(grade(lab, row("get", "", "secrets", "deny")).verdict().status())
                    .isEqualTo("pass");
            CheckResult named = grade(lab, row("get", "", "secrets", "deny", "name", "mqtt-credentials"));
            assertThat(named.verdict().status()).isEqualTo("fail");
            assertThat(named.message()).contains("get secrets mqtt-credentials is allowed, and must not be");
        }

        @Test
        void patchOneDeploymentAndNoOther() {
            FixtureLab scoped = new FixtureLab().kubeAllows(BOT + " patch apps/deployments flow-runner");
            Object[] rows = {
                row("patch", "apps", "deployments", "allow", "name", "flow-runner"),
                row("patch", "apps", "deployments", "deny", "name", "other-app"),
                row("patch", "apps", "deployments", "deny")
            };
            assertThat(grade(scoped, rows).verdict().status()).isEqualTo("pass");
            FixtureLab everyDeployment = new FixtureLab().kubeAllows(BOT + " patch apps/deployments");
            assertThat(grade(everyDeployment, rows).message()).contains("2 of 3 rules broken");
            FixtureLab wrongName = new FixtureLab().kubeAllows(BOT + " patch apps/deployments deployment/flow-runner");
            assertThat(grade(wrongName, rows).message())
                    .contains("patch apps/deployments flow-runner is denied, and must be allowed");
        }
    }

    @Nested
    @DisplayName("a row asked for each object")
    class EachObject {
        @Test
        void aGrantOnAnyExistingObjectIsSeen() {
            FixtureLab lab = new FixtureLab()
                    .kube(TOKEN_SECRET, MQTT_SECRET, FLOW_RUNNER)
                    .kubeAllows(BOT + " get /secrets ci-bot-token-x7k2p");
            CheckResult result = grade(lab, row("get", "", "secrets", "deny", "eachObject", true));
            assertThat(result.verdict().status()).isEqualTo("partial");
            assertThat(result.message()).contains("1 of 3 rules broken");
            assertThat(result.observations().toString())
                    .contains("get secrets ci-bot-token-x7k2p is allowed")
                    .contains("get secrets mqtt-credentials");
        }

        @Test
        void subresourcesAskForTheParentsObjects() {
            FixtureLab lab =
                    new FixtureLab().kube(FLOW_RUNNER).kubeAllows(BOT + " update apps/deployments/scale flow-runner");
            CheckResult result = grade(lab, row("update", "apps", "deployments/scale", "deny", "eachObject", true));
            assertThat(result.message()).contains("1 of 2 rules broken");
        }
    }

    @Test
    void withoutPartialCreditOneAllowedRequestFailsTheCheck() {
        FixtureLab lab = new FixtureLab().kubeAllows(BOT + " delete apps/deployments flow-runner");
        CheckResult result = grader.grade(
                lab,
                Map.of(
                        "partialCredit",
                        false,
                        "access",
                        List.of(
                                row("delete", "apps", "deployments", "deny"),
                                row("delete", "apps", "deployments", "deny", "name", "flow-runner"))));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.verdict().credit().orElse(0.0)).isZero();
    }

    @Test
    void rowsAreCheckedWhenTheCatalogLoads() {
        assertThat(grader.parameters()
                        .check(Map.of(
                                "access",
                                List.of(
                                        row("get", "", "secrets", "deny", "resourceName", "x"),
                                        row("get", "", "secrets", "deny", "name", "x", "eachObject", true),
                                        row("get", "example.com", "widgets", "deny", "eachObject", true),
                                        row("get", "", "secrets", "deny", "eachObject", true)))))
                .extracting(problem -> problem.parameter())
                .containsExactly("access[0]", "access[1]", "access[2]");
    }

    @Test
    void pluralsAreTheApiServersResourceNames() {
        assertThat(List.of("Pod", "Ingress", "NetworkPolicy", "Deployment").stream()
                        .map(KubeAccess::plural))
                .containsExactly("pods", "ingresses", "networkpolicies", "deployments");
    }
}
