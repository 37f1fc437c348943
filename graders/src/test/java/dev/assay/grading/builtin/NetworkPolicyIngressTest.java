package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Only the frontend's pods of this namespace reach flow-audit, on TCP 8080", asked as connections and decided by
 * the NetworkPolicy rules over every policy read, for each way a policy can be written.
 */
class NetworkPolicyIngressTest {
    private static final Map<String, String> TO = Map.of("app", "flow-audit");
    private static final Map<String, String> FRONTEND = Map.of("role", "frontend");

    /** The rows a lab asks: the frontend in, everything else out. */
    private static final List<Map<String, Object>> FRONTEND_ONLY = List.of(
            Map.of("to", TO, "from", FRONTEND, "port", 8080, "portName", "http", "expect", "allow"),
            Map.of(
                    "to",
                    TO,
                    "from",
                    Map.of("role", "frontend", "app", "forge"),
                    "port",
                    8080,
                    "portName",
                    "http",
                    "expect",
                    "allow"),
            Map.of("to", TO, "from", Map.of("role", "backend"), "port", 8080, "portName", "http", "expect", "deny"),
            Map.of("to", TO, "from", Map.of(), "port", 8080, "portName", "http", "expect", "deny"),
            Map.of(
                    "to",
                    TO,
                    "from",
                    FRONTEND,
                    "namespace",
                    Map.of("team", "other"),
                    "port",
                    8080,
                    "portName",
                    "http",
                    "expect",
                    "deny"),
            Map.of("to", TO, "ip", "203.0.113.7", "port", 8080, "portName", "http", "expect", "deny"),
            Map.of("to", TO, "ip", "10.42.0.99", "port", 8080, "portName", "http", "expect", "deny"),
            Map.of("to", TO, "from", FRONTEND, "port", 9090, "expect", "deny"),
            Map.of("to", TO, "from", FRONTEND, "port", 8080, "portName", "http", "protocol", "UDP", "expect", "deny"));

    private final KubernetesGrader grader = new KubernetesGrader();

    private static String policy(String name, String spec) {
        return """
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "%s"},
                 "spec": %s}
                """.formatted(name, spec);
    }

    private static final String TARGET = "\"podSelector\": {\"matchLabels\": {\"app\": \"flow-audit\"}}";
    private static final String FRONTEND_PEER = "{\"podSelector\": {\"matchLabels\": {\"role\": \"frontend\"}}}";

    private CheckResult grade(String... policies) {
        return grader.grade(
                new FixtureLab().kube(policies),
                Map.of("kind", "NetworkPolicy", "ignore", List.of("assay-same-namespace"), "ingress", FRONTEND_ONLY));
    }

    @DisplayName("correct policies admit the frontend only")
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "matchLabels, port number | {" + TARGET + ", \"policyTypes\": [\"Ingress\"], \"ingress\": [{\"from\": ["
                        + FRONTEND_PEER + "], \"ports\": [{\"protocol\": \"TCP\", \"port\": 8080}]}]}",
                "no policyTypes, named port, protocol defaulted | {" + TARGET + ", \"ingress\": [{\"from\": ["
                        + FRONTEND_PEER + "], \"ports\": [{\"port\": \"http\"}]}]}",
                "matchExpressions, a port range | {\"podSelector\": {\"matchExpressions\": [{\"key\": \"app\","
                        + " \"operator\": \"In\", \"values\": [\"flow-audit\"]}]}, \"ingress\": [{\"from\":"
                        + " [{\"podSelector\": {\"matchExpressions\": [{\"key\": \"role\", \"operator\": \"In\","
                        + " \"values\": [\"frontend\"]}]}}], \"ports\": [{\"port\": 8080, \"endPort\": 8080}]}]}",
                "two rules, one of them admitting nothing | {" + TARGET + ", \"ingress\": [{\"from\": ["
                        + FRONTEND_PEER + "], \"ports\": [{\"port\": 8080}]}, {\"from\": [{\"podSelector\":"
                        + " {\"matchLabels\": {\"role\": \"frontend\", \"app\": \"never\"}}}], \"ports\": [{\"port\":"
                        + " 8080}]}]}"
            })
    void correctPoliciesPass(String form, String spec) {
        CheckResult result = grade(
                policy("flow-audit", spec),
                policy(
                        "assay-same-namespace",
                        "{\"podSelector\": {}," + " \"ingress\": [{\"from\": [{\"podSelector\": {}}]}]}"));
        assertThat(result.verdict().status()).as(form + ": " + result.message()).isEqualTo("pass");
    }

    @DisplayName("near misses admit someone else")
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "every pod of the namespace | {" + TARGET + ", \"ingress\": [{\"from\": [{\"podSelector\": {}}],"
                        + " \"ports\": [{\"port\": 8080}]}]} | pod {role=backend} of the namespace",
                "frontend of every namespace | {" + TARGET + ", \"ingress\": [{\"from\": [{\"podSelector\":"
                        + " {\"matchLabels\": {\"role\": \"frontend\"}}, \"namespaceSelector\": {}}], \"ports\":"
                        + " [{\"port\": 8080}]}]} | of namespace {team=other}",
                "every namespace, as a second peer | {" + TARGET + ", \"ingress\": [{\"from\": [" + FRONTEND_PEER
                        + ", {\"namespaceSelector\": {}}], \"ports\": [{\"port\": 8080}]}]} | of namespace {team=other}",
                "an empty from | {" + TARGET + ", \"ingress\": [{\"ports\": [{\"port\": 8080}]}]} | 203.0.113.7",
                "an ipBlock for everyone | {" + TARGET + ", \"ingress\": [{\"from\": [" + FRONTEND_PEER
                        + ", {\"ipBlock\": {\"cidr\": \"0.0.0.0/0\", \"except\": [\"192.168.0.0/16\"]}}], \"ports\":"
                        + " [{\"port\": 8080}]}]} | 10.42.0.99",
                "a second rule for every port | {" + TARGET + ", \"ingress\": [{\"from\": [" + FRONTEND_PEER
                        + "], \"ports\": [{\"port\": 8080}]}, {\"from\": [" + FRONTEND_PEER + "]}]} | TCP 9090",
                "the policy selects other pods | {\"podSelector\": {\"matchLabels\": {\"app\": \"flowaudit\"}},"
                        + " \"ingress\": [{\"from\": [" + FRONTEND_PEER + "]}]} | pod {role=backend}",
                "egress only | {" + TARGET + ", \"policyTypes\": [\"Egress\"]} | pod {role=backend}"
            })
    void nearMissesFail(String form, String spec, String admitted) {
        CheckResult result = grade(policy("flow-audit", spec));
        assertThat(result.verdict().status()).as(form).isNotEqualTo("pass");
        assertThat(result.message()).as(form).contains(admitted.trim());
    }

    @Test
    void aSecondPolicyWidensTheFirst() {
        String right =
                "{" + TARGET + ", \"ingress\": [{\"from\": [" + FRONTEND_PEER + "], \"ports\": [{\"port\": 8080}]}]}";
        String debug = "{" + TARGET + ", \"ingress\": [{}]}";
        CheckResult result = grade(policy("flow-audit", right), policy("flow-audit-debug", debug));
        assertThat(result.message())
                .contains("pod {role=backend} of the namespace to {app=flow-audit} on TCP 8080 is" + " admitted");
    }

    @Nested
    @DisplayName("what cannot be judged never passes")
    class Unknown {
        @Test
        void anIpBlockAndAPodSource() {
            String spec = "{" + TARGET + ", \"ingress\": [{\"from\": [{\"ipBlock\": {\"cidr\": \"10.0.0.0/8\"}}]}]}";
            CheckResult result = grade(policy("flow-audit", spec));
            assertThat(result.message()).contains("cannot be judged");
        }

        @Test
        void aCidrThatIsNotOne() {
            assertThat(NetworkPolicyIngress.Cidr.contains("10.0.0.0/33", "10.0.0.1"))
                    .isEmpty();
            assertThat(NetworkPolicyIngress.Cidr.contains("example.com/8", "10.0.0.1"))
                    .isEmpty();
            assertThat(NetworkPolicyIngress.Cidr.contains("10.0.0.0/8", "10.255.1.1"))
                    .contains(true);
            assertThat(NetworkPolicyIngress.Cidr.contains("fd00::/8", "fd12::1"))
                    .contains(true);
            assertThat(NetworkPolicyIngress.Cidr.contains("fd00::/8", "10.0.0.1"))
                    .contains(false);
        }
    }

    @Test
    void rowsAreCheckedWhenTheCatalogLoads() {
        assertThat(grader.parameters()
                        .check(Map.of(
                                "kind",
                                "Deployment",
                                "ingress",
                                List.of(Map.of("to", TO, "port", 8080, "expect", "allow")))))
                .extracting(problem -> problem.parameter())
                .containsExactlyInAnyOrder("ingress", "ingress[0]");
    }
}
