package dev.assay.grading.design;

import dev.assay.grading.CheckResult;

/**
 * One computation of the design grader. It records every figure it uses and its arithmetic as observations, and
 * each target it misses as a failed expectation on {@code check}. A wrong scenario throws {@link ScenarioException}.
 */
interface DesignCheck {
    void run(Design design, Scenario scenario, CheckResult.Builder check);

    /** The instance type, or a failed expectation naming the types the scenario offers. */
    static Scenario.@org.jspecify.annotations.Nullable Instance instance(
            Design.Node node, Scenario scenario, CheckResult.Builder check) {
        Scenario.Instance type = scenario.instances().get(node.instanceType());
        check.expect(
                type != null,
                node.name() + ": instance type '" + node.instanceType()
                        + "' is not in the scenario's table; use one of "
                        + scenario.instances().keySet());
        if (type != null && type.managed() && carriesOrIsRecovered(node, scenario)) {
            check.expect(
                    false,
                    node.name() + ": instance type '" + node.instanceType()
                            + "' is a managed service, not instances to run " + node.kind()
                            + " on; use a type with vCPU and memory from the scenario's table");
            return null;
        }
        return type;
    }

    /**
     * Whether the scenario rates the part's kind per instance (capacity) or recovers it (RPO/RTO figures): such a
     * part runs on instances, so a managed type (one figure, spanning zones, nothing to fail over or restore) would
     * let it escape the availability, single-point and recovery arithmetic.
     */
    private static boolean carriesOrIsRecovered(Design.Node node, Scenario scenario) {
        return scenario.capacity().containsKey(node.kind())
                || scenario.recovery().containsKey(node.kind());
    }

    /**
     * Fails {@code check} for every kind the scenario needs that the design leaves out ({@link
     * Topology#missingKinds}): {@code judged} says what could not be judged without it.
     */
    static void missingParts(Design design, Scenario scenario, String judged, CheckResult.Builder check) {
        for (String kind : Topology.missingKinds(design, scenario)) {
            check.observe(
                    "missing " + kind,
                    "no component, queue or store of kind " + kind + ", which the scenario's load or data needs: "
                            + judged + " cannot be judged without it");
            check.expect(false, "the design has no part of kind " + kind + ", which the scenario's load or data needs");
        }
    }
}
