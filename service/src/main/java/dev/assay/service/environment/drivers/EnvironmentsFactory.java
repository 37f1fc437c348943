package dev.assay.service.environment.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.KubernetesClients;
import dev.assay.service.environment.Reaper;
import dev.assay.service.environment.ReaperTask;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code environments:} block of config.yml: the drivers, the reaper that sweeps them, and the warm pools.
 * The drivers are closed with the application; the reaper runs at start-up and every {@code reaperInterval}.
 */
public class EnvironmentsFactory {
    @NotNull
    @JsonProperty
    private Duration reaperInterval = Duration.minutes(1);

    /** Names this installation on the engine; each only manages (and reaps) its own environments. */
    @NotNull
    @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{0,39}",
            message = "must be 1-40 lower-case letters, digits and dashes (it becomes part of container names)")
    @JsonProperty
    private String instance = "default";

    @NotNull
    @JsonProperty
    private Duration apiTimeout = Duration.seconds(30);

    /**
     * How often the disk watch measures each running lab's writable layer against its declared disk: a lab
     * stops within one interval of crossing it.
     */
    @NotNull
    @JsonProperty
    private Duration diskWatchInterval = Duration.seconds(10);

    /** Lab id to the number of environments kept ready for it; empty for none. */
    private Map<String, Integer> pools = new LinkedHashMap<>();

    /**
     * {@code pools:} in YAML as a map ({@code {linux-web-outage: 2}}), or as text {@code lab=2,other=1} (what
     * {@code ASSAY_WARM_POOLS} holds); blank for none.
     */
    @JsonSetter("pools")
    public void setPools(@Nullable Object value) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((lab, size) -> parsed.put(String.valueOf(lab), size(lab, String.valueOf(size))));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String entry : text.split(",")) {
                String[] parts = entry.split("=", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("environments.pools: '" + entry.trim()
                            + "' is not lab=size; write e.g. ASSAY_WARM_POOLS=linux-web-outage=2,other-lab=1");
                }
                parsed.put(parts[0].trim(), size(parts[0].trim(), parts[1].trim()));
            }
        } else if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(
                    "environments.pools must be a map of lab id to size, or text such as linux-web-outage=2");
        }
        this.pools = parsed;
    }

    private static int size(Object lab, String size) {
        try {
            return Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "environments.pools: the size for '" + lab + "' must be a whole number, not '" + size + "'", e);
        }
    }

    /** A pool environment older than this is replaced rather than handed out. */
    @NotNull
    @JsonProperty
    private Duration poolMaxAge = Duration.minutes(30);

    /** How long past a session's deadline its environment may live at most (grading, extensions). */
    @NotNull
    @JsonProperty
    private Duration expiryMargin = Duration.hours(2);

    /**
     * The kubeconfig of the cluster Kubernetes labs run on, with the platform's own credentials (it creates
     * namespaces, RBAC and quotas); blank for no Kubernetes driver. {@code ./assay start} sets it when the local
     * cluster ({@code ./assay cluster up}) runs.
     */
    @JsonProperty
    private @Nullable String kubeconfig;

    /**
     * Where a Kubernetes session's candidate works: {@code docker} (a container on this service's Docker engine,
     * for a cluster on the same machine) or {@code pod} (a pod on the cluster, for an Assay deployed there).
     */
    @NotNull
    @JsonProperty
    private String kubernetesWorkbench = "docker";

    /** How pods reach the API server, for pod workbenches; blank for the address the API server advertises. */
    @JsonProperty
    private @Nullable String podApiServer;

    /** The drivers, by kind: the container driver first, then the Kubernetes driver when a kubeconfig is set. */
    public List<EnvironmentDriver> build(Environment environment, URI dockerHost) {
        List<EnvironmentDriver> drivers = new java.util.ArrayList<>();
        drivers.add(docker(environment, dockerHost, instance));
        String kubeconfig = this.kubeconfig;
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            drivers.add(kubernetes(environment, dockerHost, java.nio.file.Path.of(kubeconfig)));
        }
        drivers.forEach(driver -> environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                driver.close();
            }
        }));
        return List.copyOf(drivers);
    }

    private EnvironmentDriver kubernetes(Environment environment, URI dockerHost, java.nio.file.Path kubeconfig) {
        var api =
                KubernetesClients.fromKubeconfig(kubeconfig, java.time.Duration.ofMillis(apiTimeout.toMilliseconds()));
        var ping = KubernetesClients.fromKubeconfig(kubeconfig, java.time.Duration.ofSeconds(3));
        return switch (kubernetesWorkbench) {
            case "docker" ->
                new dev.assay.service.environment.kubernetes.KubernetesEnvironmentDriver(
                        api, ping, docker(environment, dockerHost, instance + "-k8s"), instance);
            case "pod" ->
                dev.assay.service.environment.kubernetes.KubernetesEnvironmentDriver.withPodWorkbenches(
                        api, ping, instance, "assay/probe:latest", podApiServer);
            default ->
                throw new IllegalArgumentException("environments.kubernetesWorkbench is '" + kubernetesWorkbench
                        + "'; say docker (a container on this machine's Docker engine) or pod (a pod on the cluster)");
        };
    }

    private DockerEnvironmentDriver docker(Environment environment, URI dockerHost, String name) {
        return new DockerEnvironmentDriver(
                dockerHost,
                name,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(apiTimeout.toMilliseconds()),
                environment.getObjectMapper());
    }

    /** Starts the reaper with the server. */
    public void manageReaper(Environment environment, List<EnvironmentDriver> drivers, Reaper.Keeper keeper) {
        environment
                .lifecycle()
                .manage(new ReaperTask(new Reaper(drivers, keeper, Clock.systemUTC()), reaperInterval()));
    }

    public java.time.Duration reaperInterval() {
        return java.time.Duration.ofMillis(reaperInterval.toMilliseconds());
    }

    public Map<String, Integer> pools() {
        return Map.copyOf(pools);
    }

    public java.time.Duration poolMaxAge() {
        return java.time.Duration.ofMillis(poolMaxAge.toMilliseconds());
    }

    public java.time.Duration expiryMargin() {
        return java.time.Duration.ofMillis(expiryMargin.toMilliseconds());
    }

    public java.time.Duration diskWatchInterval() {
        return java.time.Duration.ofMillis(diskWatchInterval.toMilliseconds());
    }
}
