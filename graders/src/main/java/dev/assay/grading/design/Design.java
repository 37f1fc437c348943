package dev.assay.grading.design;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A candidate's system design, read from the YAML format documented in labs/README.md ("Design documents") and
 * checked by {@link DesignValidator}: what runs where, how many, and what the candidate says about load and
 * service levels. Records only; the arithmetic lives in the checks.
 */
public record Design(
        List<String> entry,
        Slo slo,
        Map<String, Double> load,
        List<Node> components,
        List<Node> queues,
        List<Store> stores) {

    /** What the candidate states as the service's objectives (the scenario's targets are what is graded). */
    public record Slo(double availabilityPercent, @Nullable Duration latencyP99, Duration rpo, Duration rto) {}

    /**
     * A component or a queue: {@code replicas} instances of {@code instanceType} spread over {@code zones}. For a
     * queue, {@code kind} is its engine. {@code section} is where it was written (components or queues), {@code
     * path} and {@code line} its place in the document, for messages.
     */
    public record Node(
            String name,
            String kind,
            String instanceType,
            int replicas,
            List<String> zones,
            List<String> dependsOn,
            String pricing,
            String path,
            int line) {}

    /** A data store: {@code replicas} nodes (the primary included), replication, backups and storage. */
    public record Store(
            String name,
            String engine,
            String instanceType,
            int replicas,
            List<String> zones,
            String replication,
            Duration backupInterval,
            @Nullable Duration restoreTime,
            double storageGB,
            String storageType,
            String pricing,
            String path,
            int line) {

        /** The store as a node of the request graph (stores depend on nothing). */
        public Node asNode() {
            return new Node(name, engine, instanceType, replicas, zones, List.of(), pricing, path, line);
        }
    }

    /** Components, queues and stores (as nodes), in document order. */
    public List<Node> nodes() {
        return Stream.of(components.stream(), queues.stream(), stores.stream().map(Store::asNode))
                .flatMap(s -> s)
                .toList();
    }

    public Optional<Store> store(String name) {
        return stores.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
