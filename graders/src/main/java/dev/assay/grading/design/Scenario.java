package dev.assay.grading.design;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a design scenario ships for its grader (labs/README.md, "Design documents"): the instance and price table,
 * the load to carry and what each kind of component carries per instance, storage growth, recovery figures per
 * engine, and the targets. Written by the lab's author; read by {@link ScenarioReader}.
 */
public record Scenario(
        double hoursPerMonth,
        double zoneAvailability,
        double instanceAvailability,
        double spotAvailability,
        Map<String, Double> pricing,
        Map<String, Instance> instances,
        Map<String, Double> storagePrices,
        Map<String, Double> fixedMonthly,
        Targets targets,
        Load load,
        Map<String, Map<String, Rate>> capacity,
        Storage storage,
        Map<String, Recovery> recovery) {

    /**
     * An instance type: size, on-demand price per hour and, when set, its own availability. A managed type (a load
     * balancer, S3, SQS) spans zones by itself: its availability is the provider's, its replicas are billing units.
     */
    public record Instance(
            double vcpu,
            double memoryGiB,
            double hourly,
            @Nullable Double availability,
            boolean managed) {}

    /** The objectives the design must meet; null where the scenario sets none (that check is then not gradable). */
    public record Targets(
            @Nullable Double availabilityPercent,
            @Nullable Duration rpo,
            @Nullable Duration rto,
            @Nullable Double budget) {}

    /**
     * Peak demand per load dimension, the headroom capacity needs above it, and the kinds of component that must
     * still carry the peak after losing a zone (all kinds when {@code zoneLossAll}).
     */
    public record Load(
            Map<String, Double> peaks, double headroom, boolean zoneLossAll, java.util.Set<String> zoneLossKinds) {
        boolean zoneLoss(String kind) {
            return zoneLossAll || zoneLossKinds.contains(kind);
        }
    }

    /** What one instance carries of a dimension: per vCPU and/or per GiB of memory; the smaller limit wins. */
    public record Rate(@Nullable Double perVcpu, @Nullable Double perGiB) {
        double perInstance(Instance type) {
            double byCpu = perVcpu == null ? Double.POSITIVE_INFINITY : perVcpu * type.vcpu();
            double byMemory = perGiB == null ? Double.POSITIVE_INFINITY : perGiB * type.memoryGiB();
            return Math.min(byCpu, byMemory);
        }
    }

    /** Data per store engine now and its growth, over a horizon in months. */
    public record Storage(double horizonMonths, Map<String, Growth> engines) {}

    public record Growth(double nowGB, double growthGBPerMonth) {
        double atHorizon(double months) {
            return nowGB + growthGBPerMonth * months;
        }
    }

    /** Per store engine: failover to a replica, replication lag when asynchronous, and restore speed from backup. */
    public record Recovery(
            double failoverMinutes, double asyncLagSeconds, double restoreFixedMinutes, double restoreGBPerHour) {}

    Optional<Instance> instance(String type) {
        return Optional.ofNullable(instances.get(type));
    }
}
