package dev.assay.service.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the bench's report: what was measured ({@code values}), how often ({@code n}), the floor measured in
 * the same run for comparison, and the target it is held to, if any.
 */
record Figure(
        String key,
        String label,
        int n,
        List<Measure> values,
        @Nullable Floor floor,
        @Nullable Target target) {

    /** A number with its name and unit, e.g. {@code p95 861.1 ms}. */
    record Measure(String name, double value, String unit) {
        /** {@code p95_ms}, {@code throughput_req_s}: the JSON key. */
        String key() {
            return (name + "_" + unit).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", "");
        }

        String text() {
            return name + " " + BenchReport.number(value) + " " + unit;
        }
    }

    /** The same kind of measurement without Assay in the way (bare docker run, bare docker exec, ...). */
    record Floor(String label, List<Measure> values) {}

    /** The target and whether this run met it; {@code met} null when the run was too small to judge it. */
    record Target(String text, @Nullable Boolean met) {
        String verdict() {
            return met == null ? "not judged" : met ? "PASS" : "MISS";
        }
    }

    /** p50 and p95 of latency samples in milliseconds. */
    static List<Measure> latency(List<Double> millis) {
        return List.of(
                new Measure("p50", Percentiles.of(millis, 0.50), "ms"),
                new Measure("p95", Percentiles.of(millis, 0.95), "ms"));
    }

    static Floor floor(String label, List<Double> millis) {
        return new Floor(label, latency(millis));
    }

    /** PASS, MISS, not judged; empty without a target. */
    String verdict() {
        return target == null ? "" : target.verdict();
    }

    /** The value of the measure named {@code name}. */
    double value(String name) {
        return values.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key + " has no measure " + name))
                .value();
    }
}
