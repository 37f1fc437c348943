package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentRequest;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamespaceSpecsTest {
    private static EnvironmentRequest request(String session, List<String> grants) {
        return new EnvironmentRequest(
                session,
                "kube-lab",
                "1.2",
                "assay/kubebench:latest",
                new EnvironmentRequest.Limits(0.5, 256L << 20, 64, 16L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.parse("2026-11-27T12:00:00Z"),
                new EnvironmentRequest.Kubernetes(List.of(), grants));
    }

    @Test
    @DisplayName("namespaces are named by instance and session, hashed when that is not a DNS label of 63")
    void names() {
        assertThat(NamespaceSpecs.name("default", "42")).isEqualTo("default-42");
        assertThat(NamespaceSpecs.name("default", "Session_1"))
                .matches("default-s[0-9a-f]{16}")
                .isNotEqualTo(NamespaceSpecs.name("default", "session_1"));
        String longer = NamespaceSpecs.name("a".repeat(40), "b".repeat(60));
        assertThat(longer).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
        assertThat(NamespaceSpecs.name("one", "1")).isNotEqualTo(NamespaceSpecs.name("two", "1"));
    }

    @Test
    @DisplayName("the namespace carries the labels the reaper selects by, the expiry, and the restricted profile")
    void labels() {
        var namespace = NamespaceSpecs.namespace("default", request("42", List.of()));
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry(NamespaceSpecs.MANAGED, "true")
                .containsEntry(NamespaceSpecs.INSTANCE, "default")
                .containsEntry(NamespaceSpecs.SESSION, "42")
                .containsEntry(NamespaceSpecs.LAB, "kube-lab")
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(namespace.getMetadata().getAnnotations())
                .containsEntry(NamespaceSpecs.EXPIRES_AT, "2026-11-27T12:00:00Z");
    }

    @Test
    @DisplayName("every container in the namespace may write the lab's declared disk at most (ephemeral-storage)")
    void ephemeralStorage() {
        var limit = NamespaceSpecs.fences(request("s1", List.of()), "ns").stream()
                .filter(io.fabric8.kubernetes.api.model.LimitRange.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.LimitRange.class::cast)
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getLimits()
                .get(0);
        assertThat(limit.getMax().get("ephemeral-storage")).hasToString(Long.toString(16L << 20));
        assertThat(limit.getDefault().get("ephemeral-storage")).hasToString(Long.toString(16L << 20));
        assertThat(limit.getDefaultRequest().get("ephemeral-storage")).hasToString("16Mi");
    }

    @Test
    @DisplayName("the quota allows no NodePort or LoadBalancer service")
    void quota() {
        assertThat(NamespaceSpecs.quota().getSpec().getHard())
                .hasEntrySatisfying(
                        "services.nodeports", q -> assertThat(q.getAmount()).isEqualTo("0"))
                .hasEntrySatisfying(
                        "services.loadbalancers", q -> assertThat(q.getAmount()).isEqualTo("0"));
    }

    @Test
    @DisplayName("the candidate reads but never writes quotas and limits; policies and RBAC only when granted")
    void role() {
        assertThat(writable(NamespaceSpecs.role(List.of())))
                .contains("pods", "deployments", "services", "poddisruptionbudgets")
                .doesNotContain("resourcequotas", "limitranges", "networkpolicies", "roles", "rolebindings");
        assertThat(writable(NamespaceSpecs.role(List.of("networkpolicies", "rbac"))))
                .contains("networkpolicies", "roles", "rolebindings")
                .doesNotContain("resourcequotas", "limitranges");
    }

    private static List<String> writable(Role role) {
        return role.getRules().stream()
                .filter(rule ->
                        rule.getVerbs().contains("create") || rule.getVerbs().contains("patch"))
                .map(PolicyRule::getResources)
                .flatMap(List::stream)
                .toList();
    }
}
