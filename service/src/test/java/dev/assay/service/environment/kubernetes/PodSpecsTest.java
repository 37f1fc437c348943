package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentRequest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pod workbench objects")
class PodSpecsTest {
    static final EnvironmentRequest REQUEST = new EnvironmentRequest(
            "s1",
            "lab",
            "1",
            "assay/kubebench:latest",
            new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 16L << 20),
            List.of(),
            "none",
            List.of(),
            Instant.now().plus(Duration.ofHours(1)),
            new EnvironmentRequest.Kubernetes(List.of(), List.of()));

    @Test
    @DisplayName("the workbench namespace never shares a name with a session's, however long the instance")
    void namespaceNames() {
        assertThat(PodSpecs.namespace("default", "s1")).isEqualTo("default-wb-s1");
        String instance = "a".repeat(45);
        String session = "session-" + "b".repeat(40);
        assertThat(PodSpecs.namespace(instance, session))
                .hasSizeLessThanOrEqualTo(63)
                .isNotEqualTo(NamespaceSpecs.name(instance, session));
        assertThat(PodSpecs.benchNamespace("default", REQUEST).getMetadata().getLabels())
                .containsEntry(PodSpecs.PART, "workbench")
                .containsEntry(NamespaceSpecs.INSTANCE, "default");
    }

    @Test
    @DisplayName("the workbench may write the lab's declared disk (ephemeral-storage, limit and request), the probe"
            + " a little: the kubelet evicts the pod past it")
    void ephemeralStorageFromTheDeclaredDisk() {
        EnvironmentRequest big = new EnvironmentRequest(
                "s1",
                "lab",
                "1",
                "assay/kubebench:latest",
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 256L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1)),
                new EnvironmentRequest.Kubernetes(List.of(), List.of()));
        Pod pod = PodSpecs.workbench("s1", big, "assay/probe:latest");
        Container workbench = pod.getSpec().getContainers().get(0);
        assertThat(workbench.getResources().getLimits().get("ephemeral-storage"))
                .hasToString(Long.toString(256L << 20));
        assertThat(workbench.getResources().getRequests().get("ephemeral-storage"))
                .hasToString(Long.toString(256L << 20));
        Container probe = pod.getSpec().getContainers().get(1);
        assertThat(probe.getResources().getLimits().get("ephemeral-storage")).hasToString("64Mi");
        assertThat(probe.getResources().getRequests().get("ephemeral-storage")).hasToString("16Mi");
        assertThat(pod.getSpec().getVolumes())
                .filteredOn(v -> v.getEmptyDir() != null)
                .allSatisfy(v -> assertThat(v.getEmptyDir().getSizeLimit()).hasToString(Long.toString(256L << 20)));
    }

    @Test
    @DisplayName("the pod runs as uid 1000 with no capabilities and no token; our probe sees the home read-only")
    void hardenedPod() {
        Pod pod = PodSpecs.workbench("s1", REQUEST, "assay/probe:latest");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getShareProcessNamespace()).isNotEqualTo(Boolean.TRUE);
        for (Container container : pod.getSpec().getContainers()) {
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .containsExactly("ALL");
            assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        }
        Container probe = pod.getSpec().getContainers().get(1);
        assertThat(probe.getImage()).isEqualTo("assay/probe:latest");
        assertThat(probe.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        assertThat(pod.getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getLimits()
                        .get("memory"))
                .hasToString(Long.toString(256L << 20));
    }

    @Test
    @DisplayName("nothing goes in or out of the workbench namespace but the workbench's calls to the API server")
    void policies() {
        List<NetworkPolicy> policies = PodSpecs.policies(List.of("10.0.0.5"), 6443);
        assertThat(policies.get(0).getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policies.get(0).getSpec().getIngress()).isEmpty();
        assertThat(policies.get(0).getSpec().getEgress()).isEmpty();
        var egress = policies.get(1).getSpec().getEgress();
        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.0.0.5/32"));
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(6443));
        });
    }

    @Test
    @DisplayName("only plain absolute paths under /root map into the probe")
    void probePaths() {
        assertThat(PodFiles.probePath("/root/answer.md")).isEqualTo("/mnt/home/answer.md");
        assertThat(PodFiles.probePath("/root")).isEqualTo("/mnt/home");
        assertThat(PodFiles.probePath("/root/../etc/passwd")).isNull();
        assertThat(PodFiles.probePath("/etc/passwd")).isNull();
        assertThat(PodFiles.probePath("/rootkit/x")).isNull();
        assertThat(PodFiles.probePath("root/x")).isNull();
    }
}
