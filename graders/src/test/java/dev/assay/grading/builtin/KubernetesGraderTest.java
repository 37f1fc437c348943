package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects as the API server returns them (trimmed to the fields that matter). The grader's logic is a function
 * of them; reading them with the platform's credentials is the Kubernetes driver's part.
 */
class KubernetesGraderTest {
    private static final String WEB = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "resourceVersion": "812", "labels": {"app": "web", "tier": "frontend"}},
             "spec": {"replicas": 3, "template": {"spec": {"containers": [
               {"name": "web", "image": "registry.local/web:1.4.2",
                "readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
                "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}},
                "resources": {"requests": {"cpu": "100m", "memory": "128Mi"},
                              "limits": {"cpu": "500m", "memory": "256Mi"}}},
               {"name": "log-shipper", "image": "registry.local/shipper:2",
                "readinessProbe": {"exec": {"command": ["true"]}},
                "livenessProbe": {"exec": {"command": ["true"]}},
                "resources": {"requests": {"cpu": "10m", "memory": "32Mi"},
                              "limits": {"cpu": "50m", "memory": "64Mi"}}}]}}},
             "status": {"readyReplicas": 3}}
            """;

    private static final Map<String, Object> PRODUCTION_READY = Map.of(
            "kind",
            "Deployment",
            "name",
            "web",
            "fields",
            Map.of(
                    "spec.replicas", "[3-9]",
                    "spec.template.spec.containers[name=web].image", ".*:\\d+\\.\\d+\\.\\d+"),
            "labels",
            Map.of("app", "web"),
            "readyReplicas",
            3,
            "probes",
            true,
            "limits",
            true);

    private final KubernetesGrader grader = new KubernetesGrader();

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, PRODUCTION_READY);
        assertThat(grader.needsKubernetes()).isTrue();
    }

    @Test
    void aProductionReadyDeploymentHoldsEveryRule() {
        CheckResult result = grader.grade(new FixtureLab().kube(WEB), PRODUCTION_READY);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.message())
                .as("existence is a precondition, not a rule that earns a share")
                .isEqualTo("all 6 rules hold");
        assertThat(result.observations().toString()).contains("web (resourceVersion 812)");
    }

    @Test
    void aNearMissLosesExactlyItsRules() {
        String lean = WEB.replace("\"replicas\": 3", "\"replicas\": 1")
                .replace("\"readyReplicas\": 3", "\"readyReplicas\": 1")
                .replace("\"livenessProbe\": {\"exec\": {\"command\": [\"true\"]}},", "")
                .replace("\"limits\": {\"cpu\": \"50m\", \"memory\": \"64Mi\"}", "\"limits\": {\"cpu\": \"50m\"}");
        CheckResult result = grader.grade(new FixtureLab().kube(lean), PRODUCTION_READY);
        assertThat(result.verdict().status()).isEqualTo("partial");
        assertThat(result.verdict().credit()).contains(2 / 6.0);
        assertThat(result.message())
                .contains(
                        "web: spec.replicas is 1",
                        "web: 1 ready, 3 needed",
                        "container log-shipper lacks livenessProbe",
                        "container log-shipper lacks resources.limits.memory");
    }

    @Test
    void correctAlternativesPass() {
        // Probes by TCP instead of HTTP, an image pinned by digest is not semver: the regex says what counts.
        String alternative = WEB.replace(
                        "\"readinessProbe\": {\"httpGet\": {\"path\": \"/healthz\", \"port\": 8080}}",
                        "\"readinessProbe\": {\"tcpSocket\": {\"port\": 8080}}")
                .replace("\"replicas\": 3", "\"replicas\": 5")
                .replace("\"readyReplicas\": 3", "\"readyReplicas\": 5");
        assertThat(grader.grade(new FixtureLab().kube(alternative), PRODUCTION_READY)
                        .verdict()
                        .status())
                .isEqualTo("pass");
    }

    @Test
    void everyObjectOfAKindOrNoneAtAll() {
        String debugPod = """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "debug", "resourceVersion": "9"},
                 "spec": {"containers": [{"name": "sh", "image": "busybox"}]}}
                """;
        Map<String, Object> noDebugPod = Map.of("kind", "Pod", "name", "debug", "exists", false);
        assertThat(grader.grade(new FixtureLab().kube(debugPod), noDebugPod).message())
                .contains("Pod debug still exists");
        assertThat(grader.grade(new FixtureLab(), noDebugPod).verdict().status())
                .isEqualTo("pass");

        Map<String, Object> allLimited = Map.of("kind", "Pod", "limits", true, "count", 2);
        CheckResult result = grader.grade(new FixtureLab().kube(debugPod), allLimited);
        assertThat(result.message())
                .contains("1 Pod objects, 2 needed", "debug: container sh lacks resources.requests.cpu");
        assertThat(grader.grade(new FixtureLab(), Map.of("kind", "NetworkPolicy"))
                        .message())
                .contains("no NetworkPolicy exists");
    }

    @Test
    void accessRowsAreDecidedByTheApiServer() {
        Map<String, Object> leastPrivilege = Map.of(
                "access",
                List.of(
                        Map.of(
                                "subject",
                                "ServiceAccount:deployer",
                                "verb",
                                "patch",
                                "resource",
                                "deployments",
                                "apiGroup",
                                "apps",
                                "expect",
                                "allow"),
                        Map.of(
                                "subject",
                                "ServiceAccount:deployer",
                                "verb",
                                "get",
                                "resource",
                                "secrets",
                                "expect",
                                "deny"),
                        Map.of(
                                "subject",
                                "ServiceAccount:deployer",
                                "verb",
                                "create",
                                "resource",
                                "rolebindings",
                                "apiGroup",
                                "rbac.authorization.k8s.io",
                                "expect",
                                "deny")));
        FixtureLab right = new FixtureLab().kubeAllows("ServiceAccount:deployer patch apps/deployments");
        assertThat(grader.grade(right, leastPrivilege).verdict().status()).isEqualTo("pass");

        FixtureLab tooBroad = new FixtureLab()
                .kubeAllows("ServiceAccount:deployer patch apps/deployments", "ServiceAccount:deployer get /secrets");
        CheckResult broad = grader.grade(tooBroad, leastPrivilege);
        assertThat(broad.verdict().credit()).contains(2 / 3.0);
        assertThat(broad.message()).contains("ServiceAccount:deployer get secrets is allowed, and must not be");
    }

    @Test
    void secretValuesAreNeverQuoted() {
        String secret = """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "resourceVersion": "3"},
                 "data": {"password": "aHVudGVyMg=="}}
                """;
        CheckResult result = grader.grade(
                new FixtureLab().kube(secret),
                Map.of("kind", "Secret", "name", "db", "fields", Map.of("data.password", "x")));
        assertThat(result.message()).contains("data.password does not match").doesNotContain("aHVudGVyMg==");
        assertThat(result.observations().toString()).doesNotContain("aHVudGVyMg==");
    }

    @Test
    void parametersAreCheckedWhenTheCatalogLoads() {
        assertThat(grader.parameters().check(Map.of("name", "web"))).isNotEmpty();
        assertThat(grader.parameters().check(Map.of("kind", "ServiceMonitor")))
                .extracting(p -> p.parameter())
                .containsExactly("apiVersion");
        assertThat(grader.parameters().check(Map.of("kind", "Pod", "fields", Map.of("spec..x", "y"))))
                .isNotEmpty();
        assertThat(grader.parameters()
                        .check(Map.of(
                                "access",
                                List.of(Map.of(
                                        "subject", "deployer", "verb", "get", "resource", "pods", "expect", "allow")))))
                .isNotEmpty();
    }

    private static String pod(String name, String uid, boolean ready, int restarts, String labels) {
        return """
                {"apiVersion": "v1", "kind": "Pod",
                 "metadata": {"name": "%s", "uid": "%s", "resourceVersion": "9", "labels": %s},
                 "status": {"phase": "Running", "containerStatuses": [
                   {"name": "worker", "ready": %s, "restartCount": %d,
                    "state": %s}]}}
                """.formatted(
                        name,
                        uid,
                        labels,
                        ready,
                        restarts,
                        ready ? "{\"running\": {}}" : "{\"waiting\": {\"reason\": \"CrashLoopBackOff\"}}");
    }

    private static final Map<String, Object> STEADY =
            Map.of("kind", "Pod", "selector", Map.of("app", "worker"), "steadySeconds", 1);

    @Test
    void aPodThatStaysReadyIsSteady() {
        String worker = pod("worker-1", "u1", true, 0, "{\"app\": \"worker\"}");
        String debug = pod("debug", "u2", false, 0, "{\"run\": \"debug\"}");
        String leaving = pod("worker-0", "u0", false, 3, "{\"app\": \"worker\"}")
                .replace("\"uid\": \"u0\",", "\"uid\": \"u0\", \"deletionTimestamp\": \"2026-11-27T09:00:00Z\",");
        CheckResult result = grader.grade(new FixtureLab().kube(worker, debug, leaving), STEADY);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.observations().toString())
                .contains("worker-1")
                .doesNotContain("debug")
                .doesNotContain("worker-0");
    }

    @Test
    void aPodThatRestartsWhileWatchedOrIsNotReadyIsNot() {
        String ready = pod("worker-1", "u1", true, 0, "{\"app\": \"worker\"}");
        String restarted = pod("worker-1", "u1", true, 1, "{\"app\": \"worker\"}");
        CheckResult flapping = grader.grade(new FixtureLab().kube(ready).kubeLater(restarted), STEADY);
        assertThat(flapping.verdict().status()).isEqualTo("fail");
        assertThat(flapping.message()).contains("worker-1 restarted 1 time(s) within 1 s");

        String crashing = pod("worker-1", "u1", false, 4, "{\"app\": \"worker\"}");
        CheckResult crashLoop = grader.grade(new FixtureLab().kube(crashing), STEADY);
        assertThat(crashLoop.message()).contains("worker not ready (CrashLoopBackOff)");

        CheckResult replaced = grader.grade(
                new FixtureLab().kube(ready).kubeLater(pod("worker-2", "u9", true, 0, "{\"app\": \"worker\"}")),
                STEADY);
        assertThat(replaced.message()).contains("worker-1 is gone 1 s later");
    }

    @Test
    void steadinessIsForPodsOnly() {
        assertThat(new KubernetesGrader().parameters().check(Map.of("kind", "Deployment", "steadySeconds", 5)))
                .anySatisfy(problem -> assertThat(problem.toString()).contains("applies to kind Pod"));
    }
}
