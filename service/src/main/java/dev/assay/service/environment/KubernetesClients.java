package dev.assay.service.environment;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** fabric8 clients for the Kubernetes driver: one kubeconfig, every call bounded by a deadline, no retries. */
public final class KubernetesClients {
    private KubernetesClients() {}

    /** What {@code environments.kubeconfig} says for "the service account of the pod Assay runs in". */
    public static final String IN_CLUSTER = "in-cluster";

    /**
     * A client from a kubeconfig file, or from the pod's service account when {@code kubeconfig} is
     * {@value #IN_CLUSTER}. Fails with what to do when the file is missing or not a kubeconfig.
     */
    public static KubernetesClient fromKubeconfig(Path kubeconfig, Duration deadline) {
        if (kubeconfig.toString().equals(IN_CLUSTER)) {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new IllegalArgumentException("environments.kubeconfig: in-cluster, but this process does not run"
                        + " in a Kubernetes pod (no KUBERNETES_SERVICE_HOST); point ASSAY_KUBECONFIG at a kubeconfig");
            }
            return bounded(Config.autoConfigure(null), deadline);
        }
        String text;
        try {
            text = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "environments.kubeconfig: cannot read " + kubeconfig.toAbsolutePath()
                            + " (" + e.getMessage() + "); start the local cluster with './assay cluster up', or point"
                            + " ASSAY_KUBECONFIG at a cluster admin's kubeconfig",
                    e);
        }
        Config config;
        try {
            config = Config.fromKubeconfig(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "environments.kubeconfig: " + kubeconfig.toAbsolutePath() + " is not a kubeconfig: "
                            + e.getMessage(),
                    e);
        }
        return bounded(config, deadline);
    }

    private static KubernetesClient bounded(Config config, Duration deadline) {
        config.setConnectionTimeout((int) Math.min(deadline.toMillis(), 5000));
        config.setRequestTimeout((int) deadline.toMillis());
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
