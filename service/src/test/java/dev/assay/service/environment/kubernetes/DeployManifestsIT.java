package dev.assay.service.environment.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every manifest in {@code deploy/kubernetes} is applied with {@code kubectl apply --dry-run=server} against the
 * test cluster: the API server validates it, runs admission and RBAC, and stores nothing. The namespace they
 * live in is created for real first (a dry run of it would leave the others nowhere to go) and removed after.
 */
@DisplayName("The deploy/kubernetes manifests are accepted by a real API server")
class DeployManifestsIT {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    private static final Path DEPLOY = Path.of("..", "deploy", "kubernetes");

    static KubeCluster.Result kubectl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                KubeCluster.binaries().resolve("kubectl").toString(),
                "--kubeconfig",
                CLUSTER.adminKubeconfig().toString()));
        command.addAll(List.of(args));
        return KubeCluster.run(command, 60);
    }

    static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyManifestPassesAServerSideDryRun() throws IOException {
        List<Path> manifests = manifests();
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(4);
        KubeCluster.Result namespace =
                kubectl("apply", "-f", DEPLOY.resolve("00-namespace.yaml").toString());
        assertThat(namespace.exitCode()).as(namespace.output()).isZero();
        return manifests.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    KubeCluster.Result dryRun = kubectl("apply", "--dry-run=server", "-f", file.toString());
                    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
                    assertThat(dryRun.output()).contains("(server dry run)");
                }));
    }

    @Test
    @DisplayName("the service runs as at least two replicas, with PostgreSQL")
    void replicasAndDatabase() throws IOException {
        List<Map<String, Object>> objects = new java.util.ArrayList<>();
        for (Path file : manifests()) {
            for (Object document : new org.yaml.snakeyaml.Yaml().loadAll(Files.readString(file))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) document;
                objects.add(object);
            }
        }
        assertThat(objects)
                .filteredOn(o -> "Deployment".equals(o.get("kind")) && "assay".equals(name(o)))
                .singleElement()
                .satisfies(d -> assertThat(String.valueOf(d.get("spec"))).containsPattern("replicas=([2-9]|\\d\\d)"));
        assertThat(objects).anyMatch(o -> "StatefulSet".equals(o.get("kind")) && "postgres".equals(name(o)));
    }

    private static String name(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "";
    }

    @AfterAll
    static void removeNamespace() {
        kubectl("delete", "namespace", "assay", "--ignore-not-found", "--wait=false");
    }
}
