package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Kubernetes lab session as the candidate meets it: kubectl in the workbench terminal works in their namespace
 * with their own token, and the real API server's RBAC, quota and pod security fence them in. Graders read the
 * namespace with the platform's credentials.
 */
@DisplayName("A Kubernetes lab session: the candidate's kubectl, fenced in by RBAC, quota and pod security")
class KubernetesSessionIT {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    static final String OBJECTS = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {greeting: hello}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: assay/base:latest
                    imagePullPolicy: Never
                    command: [sleep, "3600"]
            """;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static KubernetesEnvironmentDriver driver;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static EnvironmentHandle session;

    @BeforeAll
    static void provision() {
        driver = KubeDrivers.driver(CLUSTER);
        session = driver.provision(request(List.of(OBJECTS), List.of()));
    }

    @AfterAll
    static void cleanUp() {
        if (driver != null) {
            if (session != null) {
                driver.destroy(session);
            }
            driver.close();
        }
    }

    static EnvironmentRequest request(List<String> objects, List<String> grants) {
        return new EnvironmentRequest(
                "k8s-" + UUID.randomUUID().toString().substring(0, 12),
                "kube-lab",
                "1",
                "assay/kubebench:latest",
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 16L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1)),
                new EnvironmentRequest.Kubernetes(objects, grants));
    }

    static ExecResult kubectl(EnvironmentHandle handle, String script) {
        return driver.exec(handle, ExecRequest.shell(script, Duration.ofSeconds(60)));
    }

    @Test
    @DisplayName("kubectl in the workbench works in the session's namespace, where the lab's objects wait")
    void kubectlWorks() {
        ExecResult result = kubectl(session, "kubectl get configmap settings -o jsonpath='{.data.greeting}'");
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("hello");
        assertThat(kubectl(session, "kubectl config view --minify -o jsonpath='{..namespace}'")
                        .stdout())
                .isEqualTo(session.externalId());
        assertThat(kubectl(session, "kubectl rollout status deployment/web --timeout=60s")
                        .exitCode())
                .as("the lab's deployment rolls out: its pod really runs")
                .isZero();
    }

    @Test
    @DisplayName("the candidate's token gets 403 outside the namespace and on the quota, policies and RBAC")
    void forbidden() {
        for (String command : List.of(
                "kubectl get pods -n kube-system",
                "kubectl get namespaces",
                "kubectl get secrets -n default",
                "kubectl patch resourcequota assay-quota -p '{\"spec\":{\"hard\":{\"pods\":\"100\"}}}'",
                "kubectl delete limitrange assay-limits",
                "kubectl delete networkpolicy assay-default-deny",
                "kubectl create networkpolicy allow-all --dry-run=server -o name 2>&1 || kubectl apply -f - <<'EOF'\n"
                        + "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all}\n"
                        + "spec: {podSelector: {}, egress: [{}], policyTypes: [Egress]}\nEOF",
                "kubectl create rolebinding mine --clusterrole=admin --serviceaccount=" + session.externalId()
                        + ":candidate")) {
            ExecResult result = kubectl(session, command);
            assertThat(result.exitCode()).as(command).isNotZero();
            assertThat(result.stdout() + result.stderr()).as(command).containsIgnoringCase("forbidden");
        }
    }

    @Test
    @DisplayName("the workbench has no network: only loopback, where the forwarder to the API server listens")
    void onlyTheApiServer() {
        assertThat(kubectl(session, "ls /sys/class/net").stdout()).isEqualTo("lo\n");
        assertThat(kubectl(session, "tail -n +2 /proc/net/route").stdout()).isEmpty();
        assertThat(kubectl(session, "cat /proc/net/tcp | awk 'NR>1 && $4==\"0A\" {print $2}'")
                        .stdout())
                .as("the only listener: the forwarder on 127.0.0.1:6443 (0100007F:192B)")
                .isEqualTo("0100007F:192B\n");
    }

    @Test
    @DisplayName("pods the candidate runs are made non-root and unprivileged; host paths and NodePorts are refused")
    void podSecurityAndQuota() {
        ExecResult run = kubectl(
                session,
                "kubectl run shell --image=assay/base:latest --image-pull-policy=Never --command -- sleep 600"
                        + " && kubectl wait --for=condition=Ready pod/shell --timeout=60s"
                        + " && kubectl get pod shell -o jsonpath='{.spec.containers[0].securityContext.runAsUser}"
                        + " {.spec.containers[0].securityContext.capabilities.drop}'");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).endsWith("1000 [\"ALL\"]");
        ExecResult hostPath = kubectl(session, """
                kubectl apply -f - <<'EOF'
                apiVersion: v1
                kind: Pod
                metadata: {name: escape}
                spec:
                  containers: [{name: c, image: assay/base:latest, imagePullPolicy: Never, command: [sleep, "60"],
                                volumeMounts: [{name: host, mountPath: /host}]}]
                  volumes: [{name: host, hostPath: {path: /}}]
                EOF""");
        assertThat(hostPath.exitCode()).isNotZero();
        assertThat(hostPath.stderr())
                .contains("PodSecurityPolicy: unable to admit pod")
                .contains("hostPath volumes are not allowed");
        ExecResult root = kubectl(
                session,
                "kubectl run root --image=assay/base:latest --image-pull-policy=Never"
                        + " --overrides='{\"spec\":{\"securityContext\":{\"runAsUser\":0}}}' -- sleep 60");
        assertThat(root.exitCode()).isNotZero();
        assertThat(root.stderr()).contains("PodSecurityPolicy: unable to admit pod");
        ExecResult nodePort = kubectl(session, "kubectl create service nodeport web --tcp=80:80");
        assertThat(nodePort.exitCode()).isNotZero();
        assertThat(nodePort.stderr()).contains("exceeded quota").contains("services.nodeports");
    }

    @Test
    @DisplayName("graders read objects and ask access reviews with the platform's credentials")
    void gradersRead() throws Exception {
        List<String> web = driver.kubernetesObjects(session, "apps/v1", "Deployment", "web");
        assertThat(web)
                .singleElement()
                .satisfies(json -> assertThat(new ObjectMapper()
                                .readTree(json)
                                .at("/metadata/name")
                                .asText())
                        .isEqualTo("web"));
        assertThat(driver.kubernetesObjects(session, "v1", "ConfigMap", "absent"))
                .isEmpty();
        assertThat(driver.kubernetesObjects(session, "networking.k8s.io/v1", "NetworkPolicy", null))
                .hasSize(2);
        assertThat(driver.kubernetesObjects(session, "rbac.authorization.k8s.io/v1", "ClusterRole", "admin"))
                .as("a cluster-scoped kind is read from the cluster")
                .hasSize(1);
        assertThat(driver.kubernetesAllows(session, "ServiceAccount:candidate", "create", "", "pods"))
                .isTrue();
        assertThat(driver.kubernetesAllows(session, "ServiceAccount:candidate", "get", "", "pods/log"))
                .isTrue();
        assertThat(driver.kubernetesAllows(session, "ServiceAccount:candidate", "patch", "", "resourcequotas"))
                .isFalse();
        assertThat(driver.kubernetesAllows(session, "ServiceAccount:default", "list", "", "pods"))
                .isFalse();
    }

    @Test
    @DisplayName("a lab may grant network policies and RBAC; RBAC still stops the candidate granting more than theirs")
    void grants() {
        EnvironmentHandle granted = driver.provision(request(List.of(), List.of("networkpolicies", "rbac")));
        try {
            ExecResult policy = kubectl(granted, """
                    kubectl apply -f - <<'EOF'
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: web}
                    spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
                    EOF""");
            assertThat(policy.exitCode()).as(policy.stderr()).isZero();
            ExecResult role = kubectl(
                    granted,
                    "kubectl create role reader --verb=get,list --resource=pods"
                            + " && kubectl create rolebinding bot --role=reader --serviceaccount="
                            + granted.externalId() + ":default");
            assertThat(role.exitCode()).as(role.stderr()).isZero();
            ExecResult escalate = kubectl(granted, "kubectl create role nodes --verb=get --resource=nodes");
            assertThat(escalate.exitCode()).isNotZero();
            assertThat(escalate.stderr()).contains("Forbidden");
        } finally {
            driver.destroy(granted);
        }
    }

    @Test
    @DisplayName("an object the API server refuses fails provisioning, names the object, and leaves nothing")
    void badObject() {
        EnvironmentRequest request = request(
                List.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n---\n"
                        + "apiVersion: v1\nkind: Service\nmetadata: {name: broken}\nspec: {type: NodePort,"
                        + " ports: [{port: 80}]}\n"),
                List.of());
        assertThatThrownBy(() -> driver.provision(request))
                .isInstanceOf(EnvironmentException.SetupFailed.class)
                .hasMessageContaining("Service broken")
                .hasMessageContaining("services.nodeports");
        assertThat(driver.listManaged())
                .noneMatch(env -> env.handle().sessionId().equals(request.sessionId()));
    }

    @Test
    @DisplayName("a namespace deleted behind the driver's back leaves a workbench the reaper finds and removes")
    void orphans() {
        EnvironmentRequest request = request(List.of(), List.of());
        EnvironmentHandle handle = driver.provision(request);
        try (KubernetesClient admin = CLUSTER.admin()) {
            admin.namespaces().withName(handle.externalId()).delete();
        }
        assertThat(driver.status(handle)).isEqualTo(EnvironmentStatus.GONE);
        assertThat(driver.listManaged())
                .filteredOn(env -> env.handle().sessionId().equals(request.sessionId()))
                .singleElement()
                .satisfies(env -> assertThat(env.status()).isEqualTo(EnvironmentStatus.STOPPED))
                .satisfies(env -> driver.destroy(env.handle()));
        assertThat(driver.listManaged())
                .noneMatch(env -> env.handle().sessionId().equals(request.sessionId()));
    }

    @Test
    @DisplayName("sessions of a new installation starting together make one relay between them")
    void concurrentFirstSessions() throws Exception {
        String instance = "it-relay-" + UUID.randomUUID().toString().substring(0, 8);
        java.util.concurrent.ExecutorService starts = java.util.concurrent.Executors.newFixedThreadPool(3);
        try (KubernetesEnvironmentDriver fresh = KubeDrivers.driver(CLUSTER, instance)) {
            List<java.util.concurrent.Future<EnvironmentHandle>> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(starts.submit(() -> fresh.provision(request(List.of(), List.of()))));
            }
            for (var started : sessions) {
                EnvironmentHandle handle = started.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(fresh.exec(
                                        handle,
                                        ExecRequest.shell(
                                                "kubectl get serviceaccount candidate -o name", Duration.ofSeconds(30)))
                                .stdout())
                        .isEqualTo("serviceaccount/candidate\n");
                fresh.destroy(handle);
            }
        } finally {
            starts.shutdownNow();
            dev.assay.service.DockerCli.run("rm", "-f", "assay-relay-" + instance + "-k8s");
            dev.assay.service.DockerCli.run("volume", "rm", "-f", "assay-relay-" + instance + "-k8s");
        }
    }

    @Test
    @DisplayName("an unreachable API server is reported at once as unavailable, naming it")
    void unreachable() {
        KubernetesClient nowhere = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl("https://127.0.0.1:1")
                        .withConnectionTimeout(1000)
                        .withRequestTimeout(1000)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        try (KubernetesEnvironmentDriver dead = new KubernetesEnvironmentDriver(
                nowhere,
                nowhere,
                new DockerEnvironmentDriver(
                        URI.create(host),
                        "unreachable-k8s",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        new ObjectMapper()),
                "unreachable")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> dead.provision(request(List.of(), List.of())))
                    .isInstanceOf(EnvironmentException.EngineUnavailable.class)
                    .hasMessageContaining("https://127.0.0.1:1")
                    .hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(dead::listManaged).isInstanceOf(EnvironmentException.EngineUnavailable.class);
        }
    }
}
