package dev.assay.grading.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules across fields of a well-formed design: names, references, cycles, zones and replication. */
final class DesignRules {
    private DesignRules() {}

    static void check(Design design, List<Problem> problems) {
        Map<String, Design.Node> byName = new HashMap<>();
        for (Design.Node node : design.nodes()) {
            if (byName.putIfAbsent(node.name(), node) != null) {
                problems.add(at(
                        node,
                        ".name",
                        "'" + node.name() + "' is used twice",
                        "give every component, queue and store its own name"));
            }
        }
        for (int i = 0; i < design.entry().size(); i++) {
            if (!byName.containsKey(design.entry().get(i))) {
                problems.add(new Problem(
                        "entry[" + i + "]",
                        0,
                        0,
                        "'" + design.entry().get(i) + "' is not defined",
                        "name a component of this design, one of " + byName.keySet()));
            }
        }
        for (Design.Node node : design.nodes()) {
            for (String target : node.dependsOn()) {
                if (target.equals(node.name())) {
                    problems.add(at(node, ".dependsOn", "depends on itself", "remove '" + target + "'"));
                } else if (!byName.containsKey(target)) {
                    problems.add(at(
                            node,
                            ".dependsOn",
                            "'" + target + "' is not defined",
                            "name a component, queue or store of this design, one of " + byName.keySet()));
                }
            }
        }
        for (Design.Store store : design.stores()) {
            storeRules(store, problems);
        }
        if (problems.isEmpty()) {
            cycles(design, byName, problems);
        }
    }

    private static void storeRules(Design.Store store, List<Problem> problems) {
        if (store.replication().equals("none") && store.replicas() > 1) {
            problems.add(at(
                    store.asNode(),
                    ".replication",
                    "is none, so the other " + (store.replicas() - 1) + " node(s) hold no copy of the data",
                    "set replication to sync or async, or replicas to 1"));
        }
        if (!store.replication().equals("none") && store.replicas() == 1) {
            problems.add(at(
                    store.asNode(),
                    ".replication",
                    "is " + store.replication() + " but there is no replica",
                    "set replicas to 2 or more, or replication: none"));
        }
        if (store.pricing().equals("spot")) {
            problems.add(at(
                    store.asNode(),
                    ".pricing",
                    "a store cannot run on spot instances: they are taken back",
                    "use on-demand or savings-plan"));
        }
        if (store.backupInterval().isZero()) {
            problems.add(at(store.asNode(), ".backupInterval", "is 0", "give how often backups are taken, such as 5m"));
        }
    }

    private static void cycles(Design design, Map<String, Design.Node> byName, List<Problem> problems) {
        Set<String> done = new HashSet<>();
        for (Design.Node node : design.nodes()) {
            List<String> trail = new ArrayList<>();
            if (cycleFrom(node.name(), byName, done, trail)) {
                problems.add(at(
                        node,
                        ".dependsOn",
                        "is part of a dependency cycle: " + String.join(" -> ", trail),
                        "requests flow one way: remove one of these dependsOn entries"));
                return;
            }
        }
    }

    private static boolean cycleFrom(
            String name, Map<String, Design.Node> byName, Set<String> done, List<String> trail) {
        if (trail.contains(name)) {
            trail.add(name);
            trail.subList(0, trail.indexOf(name)).clear();
            return true;
        }
        if (done.contains(name)) {
            return false;
        }
        trail.add(name);
        Design.Node node = byName.get(name);
        for (String next : node == null ? List.<String>of() : node.dependsOn()) {
            if (cycleFrom(next, byName, done, trail)) {
                return true;
            }
        }
        trail.remove(trail.size() - 1);
        done.add(name);
        return false;
    }

    private static Problem at(Design.Node node, String field, String message, String fix) {
        return new Problem(node.path() + field, node.line(), 1, message, fix);
    }
}
