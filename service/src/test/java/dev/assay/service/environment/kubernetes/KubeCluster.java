package dev.assay.service.environment.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kubernetes 1.20 on 127.0.0.1 for integration tests (etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, kubelet on the local Docker engine), through {@code scripts/cluster.sh}.
 * Started once per test JVM on first use, stopped when the test run ends, which also removes its pods and puts
 * back the host settings kubelet changed. The binaries come from {@code ASSAY_KUBE_BIN} or the build cache
 * ({@code ./assay test} builds them once: scripts/kubernetes.sh); missing binaries fail the test with what to run.
 */
public final class KubeCluster implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KubeCluster.class);
    private static final Path SCRIPT =
            Path.of("..", "scripts", "cluster.sh").toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target", "kube-cluster").toAbsolutePath();

    /**
     * A cluster that already runs (its admin kubeconfig): the tests use it and leave it running, so that several
     * test runs on one machine (helpers working on labs side by side) can share the one kubelet it has room for.
     */
    private static final String SHARED = "ASSAY_TEST_KUBECONFIG";

    private final BooleanSupplier wanted;

    public KubeCluster() {
        this(() -> true);
    }

    /** A cluster started only when {@code wanted} says so: a self-test of container labs alone needs none. */
    public KubeCluster(BooleanSupplier wanted) {
        this.wanted = wanted;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared() == null && wanted.getAsBoolean()) {
            context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        }
    }

    private static @org.jspecify.annotations.Nullable Path shared() {
        String shared = System.getenv(SHARED);
        return shared == null || shared.isBlank() ? null : Path.of(shared);
    }

    /** The cluster admin's kubeconfig: the platform's own credentials. */
    public Path adminKubeconfig() {
        Path shared = shared();
        return shared != null ? shared : STATE.resolve("admin.kubeconfig");
    }

    /** A client with the cluster admin's credentials. */
    public KubernetesClient admin() {
        return client(adminKubeconfig());
    }

    public static KubernetesClient client(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kubernetes binaries: {@code ASSAY_KUBE_BIN}, else the build cache's current build. */
    public static Path binaries() {
        String bin = System.getenv("ASSAY_KUBE_BIN");
        if (bin != null && !bin.isBlank()) {
            return Path.of(bin);
        }
        String cache = System.getenv("ASSAY_CACHE");
        Path root = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "assay");
        return root.resolve("kubernetes").resolve("current").resolve("bin");
    }

    record Result(int exitCode, String output) {}

    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("assay-kube", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "did not finish within " + timeoutSeconds + " s: " + tail(log));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** The running cluster, stopped (and the host restored) when the JUnit root context closes. */
    static final class Running implements AutoCloseable {
        static Running start() {
            Path bin = binaries();
            if (!Files.isExecutable(bin.resolve("kube-apiserver"))) {
                throw new IllegalStateException("no Kubernetes binaries in " + bin + ": run './assay test' (it builds"
                        + " them once from Debian's source, about 6 minutes) or set ASSAY_KUBE_BIN");
            }
            Result up = run(List.of("bash", SCRIPT.toString(), "up", STATE.toString(), bin.toString()), 240);
            if (up.exitCode() != 0) {
                throw new IllegalStateException("the test cluster did not start (" + SCRIPT + " up): " + up.output());
            }
            return new Running();
        }

        @Override
        public void close() {
            // the relay the Kubernetes driver started for the tests' workbenches (ApiForwarder)
            run(
                    List.of(
                            "sh",
                            "-c",
                            "docker ps -aq --filter label=assay.relay-to --filter label=assay.instance="
                                    + KubeDrivers.INSTANCE
                                    + "-k8s | xargs -r docker rm -f; docker volume rm -f assay-relay-"
                                    + KubeDrivers.INSTANCE + "-k8s"),
                    60);
            Result down = run(List.of("bash", SCRIPT.toString(), "down", STATE.toString()), 120);
            if (down.exitCode() != 0) {
                throw new IllegalStateException("stopping the test cluster failed: " + down.output());
            }
            // down must take the pods' fence and bridge away with the cluster
            Result left = run(
                    List.of(
                            "sh",
                            "-c",
                            "iptables -w -S ASSAY-KUBE-IN 2>/dev/null; ip -o link show cbr0 2>/dev/null; true"),
                    30);
            if (!left.output().isBlank()) {
                throw new IllegalStateException("cluster.sh down left the pod network behind: " + left.output());
            }
        }
    }
}
