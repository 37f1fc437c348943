package dev.assay.grading.design;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the YAML node tree of a design into records, adding a {@link Problem} for every field that is wrong. */
final class DesignReader {
    static final List<String> PRICING = List.of("on-demand", "savings-plan", "spot");
    static final List<String> REPLICATION = List.of("sync", "async", "none");
    private static final Set<String> TOP =
            Set.of("design", "name", "entry", "slo", "load", "components", "queues", "stores", "notes");
    private static final Set<String> SLO = Set.of("availability", "latencyP99", "rpo", "rto");
    private static final Set<String> NODE =
            Set.of("name", "kind", "instanceType", "replicas", "zones", "dependsOn", "pricing");
    private static final Set<String> QUEUE =
            Set.of("name", "engine", "instanceType", "replicas", "zones", "dependsOn", "pricing");
    private static final Set<String> STORE = Set.of(
            "name",
            "engine",
            "instanceType",
            "replicas",
            "zones",
            "replication",
            "backupInterval",
            "restoreTime",
            "storageGB",
            "storageType",
            "pricing");

    private final List<Problem> problems;

    DesignReader(List<Problem> problems) {
        this.problems = problems;
    }

    @Nullable
    Design read(Node root) {
        Fields top = Fields.of(root, "", problems, TOP);
        if (top == null) {
            return null;
        }
        Double version = top.number("design", false, 1, 1, "write design: 1 (the format's version)");
        Slo slo = slo(top);
        Map<String, Double> load = load(top);
        List<String> entry = top.names("entry", true, "name the component(s) requests arrive at, such as entry: [alb]");
        List<Design.Node> components = list(top, "components", true, this::component);
        List<Design.Node> queues = list(top, "queues", false, this::queue);
        List<Design.Store> stores = list(top, "stores", false, this::store);
        top.string("name", false, "a short title for the design");
        top.string("notes", false, "free text; longer notes belong in design.md");
        return version == null && top.node("design", false, "") != null || slo == null || load == null
                ? null
                : new Design(entry, slo.value, load, components, queues, stores);
    }

    private record Slo(Design.Slo value) {}

    private @Nullable Slo slo(Fields top) {
        Node node = top.node("slo", true, "state the objectives: slo: {availability: 99.9, rpo: 15m, rto: 1h}");
        Fields slo = node == null ? null : Fields.of(node, "slo", problems, SLO);
        if (slo == null) {
            return null;
        }
        Double availability = slo.number("availability", true, 50, 99.99999, "a percentage such as 99.95");
        Duration latency = slo.duration("latencyP99", false, "the 99th percentile latency, such as 300ms");
        Duration rpo = slo.duration("rpo", true, "the most data you may lose, such as 15m");
        Duration rto = slo.duration("rto", true, "the longest you may be down after a loss, such as 1h");
        return availability == null || rpo == null || rto == null
                ? null
                : new Slo(new Design.Slo(availability, latency, rpo, rto));
    }

    private @Nullable Map<String, Double> load(Fields top) {
        Node node = top.node("load", true, "state your load estimates: load: {requestsPerSecond: 3000, ...}");
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            top.add(
                    node,
                    "load",
                    "must be a mapping of estimates",
                    "write load: {requestsPerSecond: 3000, connections: 20000}");
            return null;
        }
        Map<String, Double> load = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String path = "load." + key;
            if (!key.matches("[a-z][A-Za-z0-9]*")) {
                top.add(
                        tuple.getKeyNode(),
                        path,
                        "is not an estimate's name",
                        "use camelCase, such as requestsPerSecond");
                continue;
            }
            Double value = top.number(tuple.getValueNode(), path, 0, 1e12, "a number of at least 0");
            if (value != null) {
                load.put(key, value);
            }
        }
        return load;
    }

    private interface ItemReader<T> {
        @Nullable
        T read(Fields fields);
    }

    private <T> List<T> list(Fields top, String key, boolean required, ItemReader<T> reader) {
        Node node = top.node(key, required, "list at least one item under " + key + ":");
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            top.add(node, key, "must be a list", "start each item with '- name: ...'");
            return List.of();
        }
        if (required && sequence.getValue().isEmpty()) {
            top.add(node, key, "must not be empty", "list at least one item");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String path = key + "[" + i + "]";
            Set<String> allowed = key.equals("stores") ? STORE : key.equals("queues") ? QUEUE : NODE;
            Fields fields = Fields.of(sequence.getValue().get(i), path, problems, allowed);
            T item = fields == null ? null : reader.read(fields);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private Design.@Nullable Node component(Fields f) {
        return node(f, f.name("kind", true, "what it is, such as load-balancer, ingress, service, worker"));
    }

    private Design.@Nullable Node queue(Fields f) {
        return node(f, f.name("engine", true, "the queue's engine, such as sqs, rabbitmq or emqx"));
    }

    private Design.@Nullable Node node(Fields f, @Nullable String kind) {
        String name = f.name("name", true, "give it a unique name of lower case letters, digits and dashes");
        String type = f.string("instanceType", true, "an instance type from the scenario's table, such as m6i.large");
        Integer replicas = f.integer("replicas", true, 1, "how many instances run, 1 or more");
        List<String> zones = f.names("zones", true, "the availability zones it runs in, such as [a, b, c]");
        List<String> dependsOn = f.names("dependsOn", false, "names of components, queues or stores it calls");
        String pricing = f.choice("pricing", PRICING, "on-demand");
        if (name == null || kind == null || type == null || replicas == null || zones.isEmpty() || pricing == null) {
            return null;
        }
        return new Design.Node(name, kind, type, replicas, zones, dependsOn, pricing, f.path(), f.line());
    }

    private Design.@Nullable Store store(Fields f) {
        Design.Node node = node(f, f.name("engine", true, "the store's engine, such as postgres, redis or s3"));
        String replication = f.choice("replication", REPLICATION, null);
        Duration backups =
                f.duration("backupInterval", true, "how often a backup (or log archive) is taken, such as 5m or 24h");
        Duration restore = f.duration("restoreTime", false, "your estimate of a restore from backup, such as 45m");
        Double storage = f.number("storageGB", true, 1, 1e9, "the storage provisioned per node, in GB");
        String storageType =
                f.string("storageType", true, "a storage type from the scenario's price table, such as gp3");
        if (node == null || replication == null || backups == null || storage == null || storageType == null) {
            return null;
        }
        return new Design.Store(
                node.name(),
                node.kind(),
                node.instanceType(),
                node.replicas(),
                node.zones(),
                replication,
                backups,
                restore,
                storage,
                storageType,
                node.pricing(),
                node.path(),
                node.line());
    }
}
