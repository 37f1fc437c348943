package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test cluster is a real Kubernetes: pods really run on the Docker engine, and RBAC really refuses. (The
 * Kubernetes driver builds on exactly this: a namespace, a ServiceAccount bound to a namespaced Role, and a
 * short-lived token for the candidate.)
 */
@DisplayName("The test cluster runs pods and enforces RBAC")
class KubeClusterIT {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    private static final String NS = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    private static KubernetesClient admin;

    @BeforeAll
    static void namespace() {
        admin = CLUSTER.admin();
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .addToLabels("assay.dev/test", "true")
                        .endMetadata()
                        .build())
                .create();
        admin.resourceQuotas()
                .inNamespace(NS)
                .resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("session")
                        .endMetadata()
                        .withNewSpec()
                        .withHard(Map.of("pods", new Quantity("5"), "services.nodeports", new Quantity("0")))
                        .endSpec()
                        .build())
                .create();
    }

    @AfterAll
    static void cleanUp() {
        if (admin != null) {
            admin.namespaces().withName(NS).delete();
            admin.close();
        }
    }

    @Test
    @DisplayName("a pod from a local image becomes Ready on the node")
    void podRuns() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("sleeper")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("assay/base:latest")
                .withImagePullPolicy("Never")
                .withCommand("sleep", "3600")
                .withNewResources()
                .addToLimits("cpu", new Quantity("100m"))
                .addToLimits("memory", new Quantity("32Mi"))
                .endResources()
                .endContainer()
                .withTerminationGracePeriodSeconds(1L)
                .endSpec()
                .build();
        admin.pods().inNamespace(NS).resource(pod).create();
        Pod ready = admin.pods().inNamespace(NS).withName("sleeper").waitUntilReady(90, TimeUnit.SECONDS);
        assertThat(ready.getStatus().getPhase()).isEqualTo("Running");
        assertThat(ready.getStatus().getPodIP()).isNotBlank();
    }

    @Test
    @DisplayName("a namespace's ServiceAccount token works in its namespace and gets 403 outside it and on quotas")
    void rbacIsEnforced() {
        String token = candidateToken();
        Config adminConfig = admin.getConfiguration();
        Config candidateConfig = new ConfigBuilder()
                .withMasterUrl(adminConfig.getMasterUrl())
                .withCaCertData(adminConfig.getCaCertData())
                .withCaCertFile(adminConfig.getCaCertFile())
                .withOauthToken(token)
                .build();
        try (KubernetesClient candidate =
                new KubernetesClientBuilder().withConfig(candidateConfig).build()) {
            assertThat(candidate.pods().inNamespace(NS).list().getItems()).isNotNull();
            assertThat(candidate
                            .resourceQuotas()
                            .inNamespace(NS)
                            .withName("session")
                            .get())
                    .isNotNull();
            forbidden(() -> candidate.pods().inNamespace("default").list());
            forbidden(() -> candidate
                    .resourceQuotas()
                    .inNamespace(NS)
                    .withName("session")
                    .edit(q -> new ResourceQuotaBuilder(q)
                            .editSpec()
                            .addToHard("pods", new Quantity("500"))
                            .endSpec()
                            .build()));
            forbidden(() -> candidate
                    .network()
                    .networkPolicies()
                    .inNamespace(NS)
                    .resource(new NetworkPolicyBuilder()
                            .withNewMetadata()
                            .withName("allow-all")
                            .endMetadata()
                            .withNewSpec()
                            .withNewPodSelector()
                            .endPodSelector()
                            .endSpec()
                            .build())
                    .create());
        }
    }

    /** A ServiceAccount bound to a Role in the test namespace, a quota, and a 10-minute token for it. */
    private static String candidateToken() {
        admin.serviceAccounts()
                .inNamespace(NS)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("candidate")
                        .endMetadata()
                        .build())
                .create();
        admin.rbac()
                .roles()
                .inNamespace(NS)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName("candidate")
                        .endMetadata()
                        .withRules(
                                new PolicyRuleBuilder()
                                        .withApiGroups("", "apps")
                                        .withResources("pods", "pods/log", "services", "configmaps", "deployments")
                                        .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                                        .build(),
                                new PolicyRuleBuilder()
                                        .withApiGroups("")
                                        .withResources("resourcequotas")
                                        .withVerbs("get", "list")
                                        .build())
                        .build())
                .create();
        admin.rbac()
                .roleBindings()
                .inNamespace(NS)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("candidate")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "candidate")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName("candidate")
                        .withNamespace(NS)
                        .endSubject()
                        .build())
                .create();
        return admin.serviceAccounts()
                .inNamespace(NS)
                .withName("candidate")
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
    }

    private static void forbidden(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e ->
                        assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
    }
}
