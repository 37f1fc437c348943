package dev.assay.grading.design;

import static dev.assay.grading.design.Numbers.fmt;
import static dev.assay.grading.design.Numbers.percent;

import dev.assay.grading.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Availability: each part a request needs (the request path, and parts of the kinds the scenario's load and data need) is up when at least one replica is up in a zone that is up, so with
 * r replicas in zone z, A = 1 - prod over zones (1 - a_zone x (1 - (1 - a_instance)^r)); a managed type has the
 * provider's availability; the path composes in series (the product). Against the scenario's SLO.
 */
final class AvailabilityCheck implements DesignCheck {

    @Override
    public void run(Design design, Scenario scenario, CheckResult.Builder check) {
        Double target = scenario.targets().availabilityPercent();
        if (target == null) {
            throw new ScenarioException("targets.availability: required for the availability check");
        }
        DesignCheck.missingParts(design, scenario, "the availability of the request path", check);
        double total = 1;
        List<String> factors = new ArrayList<>();
        for (Design.Node node : Topology.servingParts(design, scenario)) {
            Scenario.Instance type = DesignCheck.instance(node, scenario, check);
            if (type == null) {
                continue;
            }
            double a = of(node, type, scenario, check);
            total *= a;
            factors.add(percent(a));
        }
        boolean met = total * 100 >= target - 1e-9;
        check.observe(
                "request path in series",
                String.join(" x ", factors) + " = " + percent(total) + " against the SLO " + fmt(target) + " %: "
                        + (met ? "met" : "MISSED"));
        check.expect(met, "the request path is available " + percent(total) + ", the SLO is " + fmt(target) + " %");
    }

    private static double of(Design.Node node, Scenario.Instance type, Scenario scenario, CheckResult.Builder check) {
        if (type.managed()) {
            double a = type.availability() == null ? scenario.instanceAvailability() : type.availability();
            check.observe("availability " + node.name(), "managed " + node.instanceType() + ": " + percent(a));
            return a;
        }
        double instance = node.pricing().equals("spot")
                ? scenario.spotAvailability()
                : type.availability() == null ? scenario.instanceAvailability() : type.availability();
        double zone = scenario.zoneAvailability();
        Map<Integer, Long> zonesByReplicas = Topology.perZone(node).values().stream()
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        double allDown = 1;
        List<String> terms = new ArrayList<>();
        for (Map.Entry<Integer, Long> group : zonesByReplicas.entrySet()) {
            double zoneDown = 1 - zone * (1 - Math.pow(1 - instance, group.getKey()));
            allDown *= Math.pow(zoneDown, group.getValue());
            terms.add("(1 - " + fmt(zone) + " x (1 - " + fmt(1 - instance) + "^" + group.getKey() + "))^"
                    + group.getValue());
        }
        double a = 1 - allDown;
        check.observe(
                "availability " + node.name(),
                Topology.spreadText(node) + ", instance " + fmt(instance)
                        + (node.pricing().equals("spot") ? " (spot)" : "") + ", zone " + fmt(zone) + ": 1 - "
                        + String.join(" x ", terms) + " = " + percent(a));
        return a;
    }
}
