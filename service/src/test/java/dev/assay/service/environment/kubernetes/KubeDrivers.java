package dev.assay.service.environment.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/** The Kubernetes driver on the test cluster, with workbenches on the local Docker engine. */
final class KubeDrivers {
    /** Integration tests' own instance: a developer's Assay namespaces and containers stay untouched. */
    static final String INSTANCE = "integration-tests";

    private KubeDrivers() {}

    static KubernetesEnvironmentDriver driver(KubeCluster cluster) {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        DockerEnvironmentDriver workbenches = new DockerEnvironmentDriver(
                URI.create(host), INSTANCE + "-k8s", Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
        return new KubernetesEnvironmentDriver(
                client(cluster, Duration.ofSeconds(30)),
                client(cluster, Duration.ofMillis(1500)),
                workbenches,
                INSTANCE);
    }

    static KubernetesClient client(KubeCluster cluster, Duration deadline) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(cluster.adminKubeconfig()));
            config.setConnectionTimeout((int) deadline.toMillis());
            config.setRequestTimeout((int) deadline.toMillis());
            config.setRequestRetryBackoffLimit(0);
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
