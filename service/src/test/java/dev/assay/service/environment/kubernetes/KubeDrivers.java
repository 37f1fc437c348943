package dev.assay.service.environment.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.environment.KubernetesClients;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;

/** The Kubernetes driver on the test cluster, with workbenches on the local Docker engine. */
public final class KubeDrivers {
    /** Integration tests' own instance: a developer's Assay namespaces and containers stay untouched. */
    static final String INSTANCE = "integration-tests";

    private KubeDrivers() {}

    static KubernetesEnvironmentDriver driver(KubeCluster cluster) {
        return driver(cluster, INSTANCE);
    }

    /** The driver for {@code instance}; its workbenches run on the Docker engine as {@code <instance>-k8s}. */
    public static KubernetesEnvironmentDriver driver(KubeCluster cluster, String instance) {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        DockerEnvironmentDriver workbenches = new DockerEnvironmentDriver(
                URI.create(host), instance + "-k8s", Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
        return new KubernetesEnvironmentDriver(
                client(cluster, Duration.ofSeconds(30)), client(cluster, Duration.ofSeconds(3)), workbenches, instance);
    }

    /** The driver with workbenches as pods on the cluster, as an Assay deployed on it runs (its own instance). */
    public static KubernetesEnvironmentDriver podDriver(KubeCluster cluster) {
        return KubernetesEnvironmentDriver.withPodWorkbenches(
                client(cluster, Duration.ofSeconds(30)),
                client(cluster, Duration.ofSeconds(3)),
                INSTANCE + "-pods",
                "assay/probe:latest",
                null);
    }

    static KubernetesClient client(KubeCluster cluster, Duration deadline) {
        return KubernetesClients.fromKubeconfig(cluster.adminKubeconfig(), deadline);
    }
}
