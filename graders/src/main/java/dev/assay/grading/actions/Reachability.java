package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which runs can reach a job: the workflow's scenarios (its triggers, and for a reusable workflow the runs of the
 * jobs that call it), and for each whether the job runs: its own {@code if:}, and unless that calls a status
 * function, every job it needs running too (a skipped need skips it).
 */
public final class Reachability {
    private final Repository repository;
    private final String main;
    private final Map<String, List<Scenario>> scenarios = new HashMap<>();
    private final Map<String, Tri> runs = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    public Reachability(Repository repository, String main) {
        this.repository = repository;
        this.main = main;
    }

    /** The runs that can start this workflow. */
    public List<Scenario> scenarios(Workflow workflow) {
        List<Scenario> known = scenarios.get(workflow.path());
        if (known != null) {
            return known;
        }
        if (!visiting.add("workflow " + workflow.path())) {
            return List.of();
        }
        Set<Scenario> found = new LinkedHashSet<>(Triggers.scenarios(workflow, main));
        if (Triggers.events(workflow).contains("workflow_call")) {
            found.addAll(callers(workflow));
        }
        visiting.remove("workflow " + workflow.path());
        List<Scenario> list = List.copyOf(found);
        scenarios.put(workflow.path(), list);
        return list;
    }

    private List<Scenario> callers(Workflow workflow) {
        List<Scenario> found = new ArrayList<>();
        List<Workflow.Job> callers = Tokens.callers(repository, workflow);
        boolean called = !callers.isEmpty();
        for (Workflow.Job job : callers) {
            for (Scenario scenario : scenarios(job.workflow())) {
                if (runs(job, scenario, false) != Tri.FALSE) {
                    found.add(scenario);
                }
            }
        }
        if (!called) {
            String note = workflow.file() + ": on workflow_call, and no workflow read here calls it: any run of"
                    + " another workflow could";
            if (!repository.notes().contains(note)) {
                repository.notes().add(note);
            }
            for (String event : List.of("push", "pull_request", "workflow_dispatch")) {
                found.addAll(
                        Triggers.scenarios(event, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), main));
            }
        }
        return found;
    }

    /**
     * Whether the job runs in the scenario. With {@code ownOnly}, only the job's own condition counts: what it
     * needs is taken to have run.
     */
    public Tri runs(Workflow.Job job, Scenario scenario, boolean ownOnly) {
        String key = job.where() + "|" + scenario + "|" + ownOnly;
        Tri known = runs.get(key);
        if (known != null) {
            return known;
        }
        if (!visiting.add(key)) {
            return Tri.UNKNOWN;
        }
        Tri result = Condition.evaluate(job.node().path("if"), scenario);
        if (!ownOnly && !Condition.overridesNeeds(job.node().path("if"))) {
            for (String need : job.needs()) {
                result = result.and(job.workflow()
                        .job(need)
                        .map(n -> runs(n, scenario, false))
                        .orElse(Tri.FALSE));
            }
        }
        visiting.remove(key);
        runs.put(key, result);
        return result;
    }

    public String main() {
        return main;
    }
}
