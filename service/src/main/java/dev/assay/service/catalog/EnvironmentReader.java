package dev.assay.service.catalog;

import dev.assay.service.environment.EnvironmentRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code environment:} block of a lab: kind, image, limits, capabilities, setup, Kubernetes objects. */
final class EnvironmentReader {
    static final Set<String> KINDS = Set.of("container", "kubernetes");
    /** Capabilities a lab may add to the empty default set: none of them opens a way out of the container. */
    static final Set<String> CAPABILITIES = Set.of(
            "CHOWN",
            "DAC_OVERRIDE",
            "FOWNER",
            "FSETID",
            "KILL",
            "SETGID",
            "SETUID",
            "SETPCAP",
            "NET_BIND_SERVICE",
            "NET_RAW",
            "NET_ADMIN",
            "SYS_CHROOT",
            "AUDIT_WRITE",
            "SETFCAP",
            "MKNOD",
            "SYS_PTRACE");

    private static final Set<String> KEYS =
            Set.of("kind", "image", "build", "resources", "capabilities", "network", "setup", "kubernetes");
    private static final Set<String> RESOURCE_KEYS = Set.of("cpu", "memory", "pids", "disk");
    private static final Set<String> STEP_KEYS = Set.of("name", "run", "script", "timeout");
    private static final Lab.Resources DEFAULTS = new Lab.Resources(1.0, 512L << 20, 256, 1L << 30);

    private EnvironmentReader() {}

    static Lab.Environment read(YamlSource source, MapReader lab, LabFiles files) {
        Optional<MapReader> read = lab.value("environment").flatMap(n -> MapReader.of(source, n, "environment", KEYS));
        if (read.isEmpty()) {
            if (!lab.has("environment")) {
                source.problem(
                        lab.node(),
                        "environment",
                        "missing",
                        "say where the lab runs: environment: {kind: container, image: ...}");
            }
            return new Lab.Environment(
                    "container", null, null, DEFAULTS, List.of(), "none", List.of(), List.of(), List.of());
        }
        MapReader env = read.get();
        String kind = env.text("kind").orElse("container");
        if (!KINDS.contains(kind)) {
            source.problem(
                    env.value("kind").orElse(env.node()),
                    "environment.kind",
                    "'" + kind + "' is not a kind",
                    "use container or kubernetes");
        }
        String image = env.text("image").orElse(null);
        Path build = env.text("build")
                .map(p -> files.existing(env.value("build").orElseThrow(), "environment.build", p))
                .orElse(null);
        if ((image == null) == (build == null)) {
            source.problem(
                    env.node(),
                    "environment",
                    "give exactly one of image (a name) and build (a Dockerfile in the lab)",
                    "e.g. image: assay/workbench, or build: Dockerfile");
        }
        String network = env.text("network").orElse("none");
        if (!Set.of("none", "internal").contains(network)) {
            source.problem(
                    env.value("network").orElse(env.node()),
                    "environment.network",
                    "'" + network + "' is not allowed",
                    "use none (default) or internal (a network of the session's own, without outside access)");
        }
        return new Lab.Environment(
                kind,
                image,
                build,
                resources(source, env),
                capabilities(source, env),
                network,
                setup(source, env, files),
                kubernetesObjects(source, env, kind, files),
                kubernetesGrants(source, env));
    }

    private static List<String> capabilities(YamlSource source, MapReader env) {
        List<String> capabilities = env.texts("capabilities");
        for (String capability : capabilities) {
            if (!CAPABILITIES.contains(capability)) {
                source.problem(
                        env.value("capabilities").orElse(env.node()),
                        "environment.capabilities",
                        capability + " may not be granted to a lab",
                        "allowed: " + new java.util.TreeSet<>(CAPABILITIES));
            }
        }
        return capabilities;
    }

    private static Lab.Resources resources(YamlSource source, MapReader env) {
        Optional<MapReader> read =
                env.value("resources").flatMap(n -> MapReader.of(source, n, "environment.resources", RESOURCE_KEYS));
        if (read.isEmpty()) {
            return DEFAULTS;
        }
        MapReader r = read.get();
        double cpus = r.number("cpu").orElse(DEFAULTS.cpus());
        if (cpus <= 0 || cpus > 4) {
            source.problem(
                    r.value("cpu").orElse(r.node()),
                    "environment.resources.cpu",
                    "must lie in (0, 4], got " + cpus,
                    "e.g. cpu: 0.5");
        }
        long memory = size(source, r, "memory", DEFAULTS.memoryBytes(), 8L << 30);
        long disk = size(source, r, "disk", DEFAULTS.diskBytes(), 20L << 30);
        double pids = r.number("pids").orElse((double) DEFAULTS.pids());
        if (pids < 16 || pids > 4096 || pids != Math.rint(pids)) {
            source.problem(
                    r.value("pids").orElse(r.node()),
                    "environment.resources.pids",
                    "must be a whole number from 16 to 4096",
                    "e.g. pids: 256");
        }
        return new Lab.Resources(cpus, memory, (int) pids, disk);
    }

    private static long size(YamlSource source, MapReader r, String key, long fallback, long max) {
        Optional<String> text = r.text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<Long> bytes = Values.size(text.get());
        if (bytes.isEmpty() || bytes.get() <= 0 || bytes.get() > max) {
            source.problem(
                    r.value(key).orElseThrow(),
                    "environment.resources." + key,
                    "'" + text.get() + "' is not a size up to " + (max >> 30) + "Gi",
                    "write it like 512Mi or 2Gi");
            return fallback;
        }
        return bytes.get();
    }

    private static List<Lab.SetupStep> setup(YamlSource source, MapReader env, LabFiles files) {
        List<Lab.SetupStep> steps = new ArrayList<>();
        List<Node> items = env.list("setup");
        for (int i = 0; i < items.size(); i++) {
            String field = "environment.setup[" + i + "]";
            int index = i;
            MapReader.of(source, items.get(i), field, STEP_KEYS).ifPresent(step -> {
                String run = step.text("run").orElse(null);
                Path script = step.text("script")
                        .map(p -> files.existing(step.value("script").orElseThrow(), field + ".script", p))
                        .orElse(null);
                if ((run == null) == (script == null)) {
                    source.problem(
                            step.node(),
                            field,
                            "give exactly one of run (a command) and script (a file in the lab)",
                            "e.g. script: setup/plant.sh");
                }
                Duration timeout = LabReader.duration(
                        source, step, "timeout", field, Duration.ofMinutes(2), Duration.ofMinutes(10));
                steps.add(new Lab.SetupStep(step.text("name").orElse("step " + (index + 1)), run, script, timeout));
            });
        }
        return steps;
    }

    /** What the candidate may change beyond their workloads: {@code networkpolicies}, {@code rbac}. */
    private static List<String> kubernetesGrants(YamlSource source, MapReader env) {
        Optional<Node> node = env.value("kubernetes");
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> grants = new ArrayList<>();
        MapReader.of(source, node.get(), "environment.kubernetes", Set.of("objects", "grants"))
                .ifPresent(k -> {
                    for (String grant : k.texts("grants")) {
                        if (EnvironmentRequest.Kubernetes.GRANTS.contains(grant)) {
                            grants.add(grant);
                        } else {
                            source.problem(
                                    k.value("grants").orElseThrow(),
                                    "environment.kubernetes.grants",
                                    grant + " is not something a lab can grant its candidate",
                                    "use " + new java.util.TreeSet<>(EnvironmentRequest.Kubernetes.GRANTS));
                        }
                    }
                });
        return grants;
    }

    private static List<Path> kubernetesObjects(YamlSource source, MapReader env, String kind, LabFiles files) {
        Optional<Node> node = env.value("kubernetes");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!"kubernetes".equals(kind)) {
            source.problem(
                    node.get(),
                    "environment.kubernetes",
                    "only labs of kind kubernetes have Kubernetes objects",
                    "set kind: kubernetes or remove the block");
        }
        List<Path> objects = new ArrayList<>();
        MapReader.of(source, node.get(), "environment.kubernetes", Set.of("objects", "grants"))
                .ifPresent(k -> {
                    for (String path : k.texts("objects")) {
                        objects.add(files.existing(
                                k.value("objects").orElseThrow(), "environment.kubernetes.objects", path));
                    }
                });
        return objects;
    }
}
