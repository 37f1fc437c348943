package dev.assay.grading.design;

import dev.assay.grading.CheckResult;
import java.util.List;

/**
 * Single points of failure: a component, queue or store a request needs (the request path, and parts of the kinds the
 * scenario's load and data need) that runs one replica, or all its replicas in one zone. Managed types span zones by
 * themselves and are not one.
 */
final class SinglePointCheck implements DesignCheck {

    @Override
    public void run(Design design, Scenario scenario, CheckResult.Builder check) {
        DesignCheck.missingParts(design, scenario, "its single points", check);
        List<Design.Node> serving = Topology.servingParts(design, scenario);
        List<Design.Node> drawn = Topology.requestPath(design);
        for (Design.Node node : serving) {
            Scenario.Instance type = DesignCheck.instance(node, scenario, check);
            if (type == null) {
                continue;
            }
            String verdict;
            if (type.managed()) {
                verdict = "managed " + node.instanceType() + ": spans zones";
            } else if (node.replicas() == 1) {
                verdict = "ONE replica: a single point of failure";
                check.expect(false, node.name() + " runs one replica");
            } else if (node.zones().size() == 1) {
                verdict = "every replica in zone " + node.zones().get(0) + ": a single point of failure";
                check.expect(
                        false,
                        node.name() + " runs all " + node.replicas() + " replicas in zone "
                                + node.zones().get(0));
            } else {
                verdict = "no single point";
            }
            check.observe(
                    "single point " + node.name(),
                    Topology.spreadText(node) + ": " + verdict
                            + (drawn.contains(node)
                                    ? ""
                                    : " (off the drawn path, counted: the scenario's load needs a " + node.kind()
                                            + ")"));
        }
        design.nodes().stream()
                .filter(node -> !serving.contains(node))
                .forEach(node -> check.observe("single point " + node.name(), "off the request path, not counted"));
    }
}
