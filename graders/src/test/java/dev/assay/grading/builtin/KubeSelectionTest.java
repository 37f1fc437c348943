package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** selectsPodsOf and endpointsFor: which pods a Service reaches, by label selection rather than by its text. */
class KubeSelectionTest {
    private static final String DEPLOYMENT = """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api"},
             "spec": {"selector": {"matchLabels": {"app": "api"}},
                      "template": {"metadata": {"labels": {"app": "api", "tier": "edge"}}}}}
            """;
    private static final Map<String, Object> SELECTS = Map.of("kind", "Service", "name", "api", "selectsPodsOf", "api");
    private static final Map<String, Object> ENDPOINTS = Map.of(
            "kind",
            "Endpoints",
            "apiVersion",
            "v1",
            "name",
            "api",
            "endpointsFor",
            Map.of("deployment", "api", "port", "8080", "ready", "2"));

    private final KubernetesGrader grader = new KubernetesGrader();

    private static String pod(String name, String app, String ip) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"" + name
                + "\", \"labels\": {\"app\": \"" + app + "\", \"tier\": \"edge\"}}, \"status\": {\"podIP\": \"" + ip
                + "\"}}";
    }

    private static String service(String selector) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"api\"}, \"spec\": {"
                + selector + "}}";
    }

    private static String endpoints(String addresses, int port) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"Endpoints\", \"metadata\": {\"name\": \"api\"}, \"subsets\": [{"
                + "\"addresses\": [" + addresses + "], \"ports\": [{\"port\": " + port + "}]}]}";
    }

    private static String address(String ip, String pod) {
        return "{\"ip\": \"" + ip + "\", \"targetRef\": {\"kind\": \"Pod\", \"name\": \"" + pod + "\"}}";
    }

    private String grade(Map<String, Object> check, String... objects) {
        if (check == ENDPOINTS && java.util.Arrays.stream(objects).noneMatch(o -> o.contains("\"Service\""))) {
            String[] more = java.util.Arrays.copyOf(objects, objects.length + 1);
            more[objects.length] = service("\"selector\": {\"app\": \"api\"}");
            return grade(check, more);
        }
        CheckResult result = grader.grade(
                new FixtureLab()
                        .kube(objects)
                        .kube(DEPLOYMENT, pod("a", "api", "10.0.0.1"), pod("b", "api", "10.0.0.2")),
                check);
        return result.verdict().status() + " " + result.observations();
    }

    @Nested
    class TheServiceSelector {
        @Test
        void anyLabelsOfTheTemplatePass() {
            assertThat(grade(SELECTS, service("\"selector\": {\"app\": \"api\"}")))
                    .startsWith("pass");
            assertThat(grade(SELECTS, service("\"selector\": {\"tier\": \"edge\", \"app\": \"api\"}")))
                    .startsWith("pass");
        }

        @Test
        void aSelectorThePodsDoNotHaveOrNoneFails() {
            assertThat(grade(SELECTS, service("\"selector\": {\"app\": \"api-v2\"}")))
                    .startsWith("fail")
                    .contains("does not match the pods of api");
            assertThat(grade(SELECTS, service("\"type\": \"ClusterIP\""))).contains("has no selector");
        }

        @Test
        void aSelectorThatAlsoReachesOtherPodsFails() {
            assertThat(grade(SELECTS, service("\"selector\": {\"tier\": \"edge\"}"), pod("c", "debug", "10.0.0.3")))
                    .contains("also selects pods not of api: [c]");
        }
    }

    @Nested
    class TheEndpoints {
        @Test
        void theDeploymentsPodsOnThePortPass() {
            assertThat(grade(ENDPOINTS, endpoints(address("10.0.0.1", "a") + ", " + address("10.0.0.2", "b"), 8080)))
                    .startsWith("pass");
        }

        @Test
        void aRelabelledOrHandWrittenAddressFails() {
            assertThat(grade(
                            ENDPOINTS,
                            endpoints(address("10.0.0.1", "a") + ", " + address("10.0.0.3", "c"), 8080),
                            pod("c", "api-v2", "10.0.0.3")))
                    .contains("not live pods of api: [10.0.0.3 (c)]");
            assertThat(grade(ENDPOINTS, endpoints(address("10.0.0.1", "a") + ", " + address("10.0.0.9", "b"), 8080)))
                    .contains("not live pods of api: [10.0.0.9 (b)]");
            assertThat(grade(ENDPOINTS, endpoints(address("10.0.0.1", "a"), 8080)))
                    .contains("1 ready pods of api, 2 needed");
        }

        @Test
        void handWrittenEndpointsOfAServiceWithoutSelectorFail() {
            assertThat(grade(
                            ENDPOINTS,
                            endpoints(address("10.0.0.1", "a") + ", " + address("10.0.0.2", "b"), 8080),
                            service("\"type\": \"ClusterIP\"")))
                    .contains("written by hand");
        }

        @Test
        void theWrongPortFails() {
            assertThat(grade(ENDPOINTS, endpoints(address("10.0.0.1", "a") + ", " + address("10.0.0.2", "b"), 80)))
                    .startsWith("partial")
                    .contains("ready addresses on port [80], not 8080");
        }

        @Test
        void noEndpointsFail() {
            assertThat(grade(ENDPOINTS, "{\"kind\": \"Endpoints\", \"metadata\": {\"name\": \"api\"}}"))
                    .startsWith("fail")
                    .contains("no ready address");
        }
    }
}
