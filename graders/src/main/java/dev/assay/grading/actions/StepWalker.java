package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every step GitHub would run for a job: its {@code steps}, the steps of {@code parallel} groups, and the
 * steps of the local composite actions they use (with the inputs and environment the caller gives them). Steps
 * found under keys GitHub does not document are read too, and reported as notes.
 */
public final class StepWalker {
    private static final int MAX_COMPOSITE_DEPTH = 4;
    private static final int MAX_SCAN_DEPTH = 16;

    private final Repository repository;
    private final List<Step> steps = new ArrayList<>();

    private StepWalker(Repository repository) {
        this.repository = repository;
    }

    /** Every step of every job of every workflow of the repository view, in order. */
    public static List<Step> all(Repository repository) {
        StepWalker walker = new StepWalker(repository);
        for (Workflow workflow : repository.workflows()) {
            workflow.jobs().forEach(walker::job);
            walker.unknownWorkflowKeys(workflow);
        }
        return walker.steps;
    }

    /** The steps of one job. */
    public static List<Step> of(Repository repository, Workflow.Job job) {
        StepWalker walker = new StepWalker(repository);
        walker.job(job);
        return walker.steps;
    }

    private void job(Workflow.Job job) {
        Map<String, Set<Source>> env = Scope.env(job.workflow().root().path("env"), Map.of(), Map.of(), false);
        env.putAll(Scope.env(job.node().path("env"), env, Map.of(), false));
        Scope scope = new Scope(job, env, Map.of(), job.shellDefault(), false, List.of());
        list(job.node().path("steps"), job.where() + ".steps", scope);
        job.node().fields().forEachRemaining(e -> {
            if (!Syntax.JOB.contains(e.getKey())) {
                note(job.where() + ": unknown key '" + e.getKey()
                        + "' (not GitHub syntax; GitHub refuses the workflow)");
                scan(e.getValue(), job.where() + "." + e.getKey(), scope, 0);
            }
        });
    }

    /** A list of steps; anything else where steps belong is reported, and steps found in it are read. */
    private void list(JsonNode steps, String where, Scope scope) {
        if (steps.isMissingNode() || steps.isNull()) {
            return;
        }
        if (!steps.isArray()) {
            note(where + ": not a list (GitHub refuses the workflow); steps inside it are read anyway");
            scan(steps, where, scope, 0);
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            step(steps.get(i), where + "[" + i + "]", scope);
        }
    }

    private void unknownWorkflowKeys(Workflow workflow) {
        JsonNode jobs = workflow.root().path("jobs");
        if (!jobs.isMissingNode() && !jobs.isObject()) {
            note(workflow.file() + ": jobs is not a mapping (GitHub refuses the workflow); steps inside it are read"
                    + " anyway");
            scan(jobs, workflow.file() + " jobs", Scope.of(new Workflow.Job(workflow, "jobs", jobs)), 0);
        }
        workflow.root().fields().forEachRemaining(e -> {
            if (!Syntax.WORKFLOW.contains(e.getKey())) {
                note(workflow.file() + ": unknown key '" + e.getKey()
                        + "' (not GitHub syntax; GitHub refuses the workflow)");
                Workflow.Job holder = new Workflow.Job(workflow, e.getKey(), e.getValue());
                scan(e.getValue(), workflow.file() + " " + e.getKey(), Scope.of(holder), 0);
            }
        });
    }

    private void step(JsonNode node, String where, Scope scope) {
        if (!node.isObject()) {
            note(where + ": a step that is not a mapping (GitHub refuses it)");
            scan(node, where, scope, 0);
            return;
        }
        Map<String, Set<Source>> env = new LinkedHashMap<>(scope.env());
        env.putAll(Scope.env(node.path("env"), scope.env(), scope.inputs(), scope.composite()));
        Step step = new Step(where, node, scope.job(), env, scope.inputs(), scope.shell(), scope.composite());
        steps.add(step);
        list(node.path("parallel"), where + ".parallel", scope);
        node.fields().forEachRemaining(e -> {
            if (!Syntax.STEP.contains(e.getKey())) {
                note(where + ": unknown step key '" + e.getKey()
                        + "' (not GitHub syntax; GitHub refuses the workflow); steps inside it are read anyway");
                scan(e.getValue(), where + "." + e.getKey(), scope, 0);
            }
        });
        Repository.localPath(step.uses()).ifPresent(path -> composite(step, path, scope));
    }

    /** Reads step-like mappings (with run or uses) anywhere under a node GitHub does not document. */
    private void scan(JsonNode node, String where, Scope scope, int depth) {
        if (depth > MAX_SCAN_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), where + "[" + i + "]", scope, depth + 1);
            }
        } else if (node.isObject() && (node.has("run") || node.has("uses"))) {
            step(node, where, scope);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> scan(e.getValue(), where + "." + e.getKey(), scope, depth + 1));
        }
    }

    private void composite(Step caller, String path, Scope scope) {
        JsonNode action = repository.actions().get(path);
        if (action == null || scope.chain().contains(path) || scope.chain().size() >= MAX_COMPOSITE_DEPTH) {
            if (action != null) {
                note(caller.where() + ": " + caller.uses() + " is nested too deep or in a cycle; not read further");
            }
            return;
        }
        JsonNode runs = action.path("runs");
        if (!runs.path("using").asText().equals("composite")) {
            return;
        }
        Scope inner = scope.composite(caller, action, path);
        list(runs.path("steps"), caller.where() + " -> " + caller.uses() + " runs.steps", inner);
    }

    private void note(String note) {
        if (!repository.notes().contains(note)) {
            repository.notes().add(note);
        }
    }
}
