package dev.assay.grading.design;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Where a design's parts are: the request path and how replicas spread over zones. */
final class Topology {
    private Topology() {}

    /**
     * The request path: every component, queue and store reachable from the entry through {@code dependsOn}, in
     * document order. A request fails when any of them is down, so they compose in series.
     */
    static List<Design.Node> requestPath(Design design) {
        Map<String, Design.Node> byName = new LinkedHashMap<>();
        design.nodes().forEach(node -> byName.put(node.name(), node));
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(design.entry());
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Design.Node node = byName.get(name);
            if (node != null && reached.add(name)) {
                todo.addAll(node.dependsOn());
            }
        }
        return design.nodes().stream().filter(n -> reached.contains(n.name())).toList();
    }

    /**
     * The parts a request needs, as the scenario sees them: the request path, and every part whose kind carries a
     * load of the scenario or holds data the scenario sizes or recovers. Drawing no {@code dependsOn} edge to a
     * database does not take it out of the service (a design that did would escape the availability and single-point
     * checks by omission), so such parts count whatever the drawing says. In document order.
     */
    static List<Design.Node> servingParts(Design design, Scenario scenario) {
        List<Design.Node> path = requestPath(design);
        Set<String> needed = neededKinds(scenario);
        return design.nodes().stream()
                .filter(node -> path.contains(node) || needed.contains(node.kind()))
                .toList();
    }

    /**
     * The kinds the scenario needs a part of (those that carry its load, or hold the data it sizes or recovers)
     * that no component, queue or store of the design has, sorted. A part left out entirely is not a part that
     * cannot fail or costs nothing: checks that would need it cannot judge the design.
     */
    static List<String> missingKinds(Design design, Scenario scenario) {
        Set<String> missing = new TreeSet<>(neededKinds(scenario));
        design.nodes().forEach(node -> missing.remove(node.kind()));
        return List.copyOf(missing);
    }

    private static Set<String> neededKinds(Scenario scenario) {
        Set<String> needed = new HashSet<>(scenario.capacity().keySet());
        needed.addAll(scenario.storage().engines().keySet());
        needed.addAll(scenario.recovery().keySet());
        return needed;
    }

    /** Replicas per zone, spread as evenly as possible: the first zones listed take the remainder. */
    static Map<String, Integer> perZone(Design.Node node) {
        Map<String, Integer> spread = new LinkedHashMap<>();
        int zones = node.zones().size();
        for (int i = 0; i < zones; i++) {
            spread.put(node.zones().get(i), node.replicas() / zones + (i < node.replicas() % zones ? 1 : 0));
        }
        return spread;
    }

    /** "3 replicas over a, b, c (1+1+1)". */
    static String spreadText(Design.Node node) {
        return node.replicas() + " x " + node.instanceType() + " over " + String.join(", ", node.zones()) + " ("
                + String.join(
                        "+",
                        perZone(node).values().stream().map(String::valueOf).toList()) + ")";
    }
}
