package dev.assay.grading.design;

import dev.assay.grading.CheckResult;

/**
 * Conditions a lab can put on a check beyond its own computation, for labs whose task is a change to a given design
 * (a cut): the starting design copied, or a platform too small to serve, must not earn the checks it happens to meet.
 */
final class TaskConditions {
    private TaskConditions() {}

    /** The design must cost less than {@code before} (to the cent), whatever else the check finds. */
    static void cut(Design design, Scenario scenario, double before, CheckResult.Builder check) {
        double total = CostCheck.monthly(design, scenario, CheckResult.builder(true));
        boolean cheaper = Math.round(total * 100) < Math.round(before * 100);
        check.observe(
                "cut",
                Numbers.money(total) + " a month against " + Numbers.money(before) + " before: "
                        + (cheaper ? "cheaper" : "NO CUT"));
        check.expect(
                cheaper,
                "the design costs " + Numbers.money(total) + " a month, not less than the " + Numbers.money(before)
                        + " it had to cut");
    }

    /** The capacity check's verdict, as a condition of this one. */
    static void carrying(Design design, Scenario scenario, CheckResult.Builder check) {
        CheckResult.Builder capacity = CheckResult.builder(true);
        new CapacityCheck().run(design, scenario, capacity);
        CheckResult result = capacity.build();
        boolean carries = result.verdict().status().equals("pass");
        check.observe("carries the load", carries ? "yes (the capacity check holds)" : "NO: " + result.message());
        check.expect(
                carries,
                "the design does not carry the scenario's load (" + result.message()
                        + "); this check judges only a design that does");
    }
}
