package dev.assay.grading.design;

import static dev.assay.grading.design.Numbers.fmt;
import static dev.assay.grading.design.Numbers.money;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.stream.Stream;

/**
 * Monthly cost from the scenario's price table: instances x hourly price x hours a month x the pricing model's
 * factor (spot, savings plan), storage GB-month per store node, and the scenario's fixed items (transfer, support),
 * against the budget.
 */
final class CostCheck implements DesignCheck {

    @Override
    public void run(Design design, Scenario scenario, CheckResult.Builder check) {
        Double budget = scenario.targets().budget();
        if (budget == null) {
            throw new ScenarioException("targets.budget: required for the cost check");
        }
        DesignCheck.missingParts(design, scenario, "the monthly cost", check);
        double total = monthly(design, scenario, check);
        boolean within = total <= budget + 0.005;
        check.observe(
                "monthly total",
                money(total) + " against the budget " + money(budget) + ": "
                        + (within
                                ? "within, " + money(budget - total) + " to spare"
                                : "OVER by " + money(total - budget)));
        check.expect(within, "the design costs " + money(total) + " a month, the budget is " + money(budget));
    }

    /** The design's monthly cost: its instances and storage at the scenario's prices, and the fixed items. */
    static double monthly(Design design, Scenario scenario, CheckResult.Builder check) {
        double total = 0;
        for (Design.Node node : Stream.concat(design.components().stream(), design.queues().stream())
                .toList()) {
            total += instances(node, scenario, check);
        }
        for (Design.Store store : design.stores()) {
            total += instances(store.asNode(), scenario, check) + storage(store, scenario, check);
        }
        for (var item : scenario.fixedMonthly().entrySet()) {
            check.observe("cost " + item.getKey(), "fixed by the scenario: " + money(item.getValue()));
            total += item.getValue();
        }
        return total;
    }

    private static double instances(Design.Node node, Scenario scenario, CheckResult.Builder check) {
        Scenario.Instance type = DesignCheck.instance(node, scenario, check);
        if (type == null) {
            return 0;
        }
        String pricing = type.managed() ? "on-demand" : node.pricing();
        Double factor = scenario.pricing().get(pricing);
        check.expect(
                factor != null,
                node.name() + ": the scenario offers no " + pricing + " pricing; use one of "
                        + scenario.pricing().keySet());
        if (factor == null) {
            return 0;
        }
        double cost = node.replicas() * type.hourly() * scenario.hoursPerMonth() * factor;
        check.observe(
                "cost " + node.name(),
                node.replicas() + " x " + node.instanceType() + " at $" + fmt(type.hourly())
                        + "/h x " + fmt(scenario.hoursPerMonth()) + " h"
                        + (factor == 1.0 ? "" : " x " + fmt(factor) + " (" + pricing + ")")
                        + " = " + money(cost));
        return cost;
    }

    private static double storage(Design.Store store, Scenario scenario, CheckResult.Builder check) {
        Double price = scenario.storagePrices().get(store.storageType());
        check.expect(
                price != null,
                store.name() + ": storage type '" + store.storageType()
                        + "' is not in the scenario's price table; use one of "
                        + List.copyOf(scenario.storagePrices().keySet()));
        if (price == null) {
            return 0;
        }
        double cost = store.replicas() * store.storageGB() * price;
        check.observe(
                "cost " + store.name() + " storage",
                store.replicas() + " x " + fmt(store.storageGB()) + " GB " + store.storageType() + " at $" + fmt(price)
                        + "/GB-month = " + money(cost));
        return cost;
    }
}
