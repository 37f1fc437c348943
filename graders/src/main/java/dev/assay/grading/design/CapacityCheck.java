package dev.assay.grading.design;

import static dev.assay.grading.design.Numbers.fmt;

import dev.assay.grading.CheckResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Capacity: per load dimension and kind of component that carries it, replicas x per-instance capacity against the
 * peak with headroom (and, when the scenario says so, the peak alone after losing the busiest zone); per store
 * engine, provisioned storage against the data at the horizon.
 */
final class CapacityCheck implements DesignCheck {

    @Override
    public void run(Design design, Scenario scenario, CheckResult.Builder check) {
        Scenario.Load load = scenario.load();
        scenario.capacity()
                .forEach((kind, rates) -> rates.forEach((dimension, rate) -> {
                    Double peak = load.peaks().get(dimension);
                    if (peak == null) {
                        throw new ScenarioException(
                                "capacity." + kind + "." + dimension + ": no peak for it in load.peaks");
                    }
                    carries(design, scenario, kind, dimension, rate, peak, check);
                }));
        scenario.storage().engines().forEach((engine, growth) -> storage(design, scenario, engine, growth, check));
    }

    private static void carries(
            Design design,
            Scenario scenario,
            String kind,
            String dimension,
            Scenario.Rate rate,
            double peak,
            CheckResult.Builder check) {
        List<Design.Node> nodes =
                design.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
        String what = "capacity " + kind + " " + dimension;
        if (nodes.isEmpty()) {
            check.observe(what, "no component of kind " + kind);
            check.expect(false, "no component of kind " + kind + " carries the " + fmt(peak) + " " + dimension);
            return;
        }
        double total = 0;
        Map<String, Double> lostPerZone = new HashMap<>();
        List<String> terms = new ArrayList<>();
        for (Design.Node node : nodes) {
            Scenario.Instance type = DesignCheck.instance(node, scenario, check);
            if (type == null) {
                continue;
            }
            double each = rate.perInstance(type);
            total += node.replicas() * each;
            terms.add(node.name() + ": " + node.replicas() + " x " + fmt(each) + " (" + perInstance(rate, type, node)
                    + ")");
            Topology.perZone(node).forEach((zone, count) -> lostPerZone.merge(zone, count * each, Double::sum));
        }
        double needed = peak * (1 + scenario.load().headroom());
        boolean enough = total >= needed;
        check.observe(
                what,
                String.join(" + ", terms) + " = " + fmt(total) + " against peak " + fmt(peak) + " x (1 + "
                        + fmt(scenario.load().headroom()) + " headroom) = " + fmt(needed) + ": "
                        + (enough ? "enough" : "SHORT"));
        check.expect(enough, kind + " carries " + fmt(total) + " " + dimension + ", needs " + fmt(needed));
        if (scenario.load().zoneLoss(kind)) {
            // No zone when no part of the kind could be counted (every one on a type the scenario lacks).
            var worst = lostPerZone.entrySet().stream().max(Map.Entry.comparingByValue());
            String zone = worst.map(Map.Entry::getKey).orElse("any");
            double lost = worst.map(Map.Entry::getValue).orElse(0.0);
            double left = total - lost;
            check.observe(
                    what + " after losing zone " + zone,
                    fmt(total) + " - " + fmt(lost) + " = " + fmt(left) + " against peak " + fmt(peak) + ": "
                            + (left >= peak ? "enough" : "SHORT"));
            check.expect(
                    left >= peak,
                    kind + " carries only " + fmt(left) + " " + dimension + " after losing zone " + zone
                            + ", the peak is " + fmt(peak));
        }
    }

    private static String perInstance(Scenario.Rate rate, Scenario.Instance type, Design.Node node) {
        List<String> limits = new ArrayList<>();
        if (rate.perVcpu() != null) {
            limits.add(fmt(type.vcpu()) + " vCPU x " + fmt(rate.perVcpu()));
        }
        if (rate.perGiB() != null) {
            limits.add(fmt(type.memoryGiB()) + " GiB x " + fmt(rate.perGiB()));
        }
        return node.instanceType() + ": " + (limits.size() > 1 ? "min of " : "") + String.join(", ", limits);
    }

    private static void storage(
            Design design, Scenario scenario, String engine, Scenario.Growth growth, CheckResult.Builder check) {
        double months = scenario.storage().horizonMonths();
        double needed = growth.atHorizon(months);
        List<Design.Store> stores =
                design.stores().stream().filter(s -> s.engine().equals(engine)).toList();
        double provisioned =
                stores.stream().mapToDouble(Design.Store::storageGB).sum();
        boolean enough = !stores.isEmpty() && provisioned >= needed;
        check.observe(
                "storage " + engine,
                fmt(growth.nowGB()) + " GB now + " + fmt(growth.growthGBPerMonth())
                        + " GB/month x " + fmt(months) + " months = " + fmt(needed) + " GB against " + fmt(provisioned)
                        + " GB provisioned ("
                        + String.join(
                                ", ",
                                stores.stream()
                                        .map(s -> s.name() + " " + fmt(s.storageGB()) + " GB")
                                        .toList())
                        + "): " + (enough ? "enough" : "SHORT"));
        check.expect(
                enough,
                stores.isEmpty()
                        ? "no store of engine " + engine + " holds its " + fmt(needed) + " GB"
                        : engine + " stores provision " + fmt(provisioned) + " GB, the data reaches " + fmt(needed)
                                + " GB in " + fmt(months) + " months");
    }
}
