package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The valid rule: the workflow is one GitHub would accept, as far as its structure goes: documented keys at every
 * level, triggers GitHub knows with filters it allows, jobs that say where they run (or call a workflow), steps
 * that do exactly one thing, needs naming jobs of the workflow without a cycle, and permissions GitHub knows.
 * Expressions are not type-checked; what GitHub would say about them is not claimed.
 */
final class Validity {
    static final Set<String> EVENTS = Set.of(
            "branch_protection_rule",
            "check_run",
            "check_suite",
            "create",
            "delete",
            "deployment",
            "deployment_status",
            "discussion",
            "discussion_comment",
            "fork",
            "gollum",
            "image_version",
            "issue_comment",
            "issues",
            "label",
            "merge_group",
            "milestone",
            "page_build",
            "public",
            "pull_request",
            "pull_request_review",
            "pull_request_review_comment",
            "pull_request_target",
            "push",
            "registry_package",
            "release",
            "repository_dispatch",
            "schedule",
            "status",
            "watch",
            "workflow_call",
            "workflow_dispatch",
            "workflow_run");

    private Validity() {}

    static List<String> findings(Repository repository, List<Workflow> workflows) {
        List<String> findings = new ArrayList<>();
        for (Workflow workflow : workflows) {
            findings.addAll(workflow(workflow));
        }
        for (String note : repository.notes()) {
            if (note.contains("GitHub refuses")) {
                findings.add(note);
            }
        }
        return findings.stream().distinct().toList();
    }

    private static List<String> workflow(Workflow workflow) {
        List<String> findings = new ArrayList<>();
        String file = workflow.file();
        if (!workflow.hasOn()) {
            findings.add(file + ": no on: (no trigger)");
        }
        for (String event : Triggers.events(workflow)) {
            if (!EVENTS.contains(event)) {
                findings.add(file + ": on: " + event + " is not an event GitHub knows");
            }
            JsonNode config = Triggers.config(workflow, event);
            for (String[] pair : new String[][] {{"branches", "branches-ignore"}, {"tags", "tags-ignore"}}) {
                if (config.has(pair[0]) && config.has(pair[1])) {
                    findings.add(file + ": on." + event + " has both " + pair[0] + " and " + pair[1]);
                }
            }
        }
        JsonNode jobs = workflow.root().path("jobs");
        if (!jobs.isObject() || jobs.isEmpty()) {
            findings.add(file + ": no jobs");
            return findings;
        }
        for (Workflow.Job job : workflow.jobs()) {
            findings.addAll(job(job));
        }
        findings.addAll(cycles(workflow));
        return findings;
    }

    private static List<String> job(Workflow.Job job) {
        List<String> findings = new ArrayList<>();
        String where = job.where();
        if (!job.id().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            findings.add(where + ": a job id must start with a letter or _ and hold only letters, digits, - and _");
        }
        if (!job.node().isObject()) {
            findings.add(where + ": not a mapping");
            return findings;
        }
        if (job.calls().isEmpty() && !job.node().has("runs-on")) {
            findings.add(where + ": no runs-on (and it calls no workflow)");
        }
        if (job.calls().isEmpty() && !job.node().path("steps").isArray()) {
            findings.add(where + ": no steps");
        }
        for (String need : job.needs()) {
            if (job.workflow().job(need).isEmpty()) {
                findings.add(where + ": needs " + need + ", which is no job of "
                        + job.workflow().file());
            }
        }
        JsonNode steps = job.node().path("steps");
        for (int i = 0; i < steps.size(); i++) {
            findings.addAll(step(steps.get(i), where + ".steps[" + i + "]"));
        }
        findings.addAll(permissions(where, job.node().path("permissions")));
        return findings;
    }

    private static List<String> step(JsonNode step, String where) {
        List<String> findings = new ArrayList<>();
        if (!step.isObject()) {
            return findings;
        }
        long kinds = Syntax.STEP_KINDS.stream().filter(step::has).count();
        if (kinds != 1) {
            findings.add(where + ": a step must do exactly one of "
                    + Syntax.STEP_KINDS.stream().sorted().toList());
        }
        JsonNode parallel = step.path("parallel");
        for (int i = 0; i < parallel.size(); i++) {
            findings.addAll(step(parallel.get(i), where + ".parallel[" + i + "]"));
        }
        String uses = step.path("uses").asText("").strip();
        if (uses.startsWith("$/") && uses.contains("@")) {
            findings.add(where + ": " + uses + " (a $/ reference takes no @ref)");
        }
        return findings;
    }

    static List<String> permissions(String where, JsonNode permissions) {
        List<String> findings = new ArrayList<>();
        if (permissions.isTextual() && !Set.of("read-all", "write-all").contains(permissions.asText())) {
            findings.add(where + ": permissions " + permissions.asText() + " is not read-all or write-all");
        }
        permissions.fields().forEachRemaining(scope -> {
            if (!Permissions.SCOPES.contains(scope.getKey())) {
                findings.add(where + ": permission scope " + scope.getKey() + " is not one GitHub documents");
            }
            if (!Set.of("read", "write", "none").contains(scope.getValue().asText())) {
                findings.add(where + ": " + scope.getKey() + ": "
                        + scope.getValue().asText() + " is not read, write or none");
            }
        });
        return findings;
    }

    private static List<String> cycles(Workflow workflow) {
        List<String> findings = new ArrayList<>();
        for (Workflow.Job job : workflow.jobs()) {
            Set<String> seen = new HashSet<>();
            List<String> queue = new ArrayList<>(job.needs());
            while (!queue.isEmpty()) {
                String next = queue.remove(0);
                if (next.equals(job.id())) {
                    findings.add(job.where() + ": its needs lead back to itself (a cycle)");
                    break;
                }
                if (seen.add(next)) {
                    workflow.job(next).ifPresent(j -> queue.addAll(j.needs()));
                }
            }
        }
        return findings;
    }
}
