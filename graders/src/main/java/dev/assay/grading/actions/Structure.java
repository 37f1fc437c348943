package dev.assay.grading.actions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules on a workflow's shape: triggers, job order, the events a job runs for, concurrency. */
final class Structure {
    private Structure() {}

    /** Every event triggers some graded workflow (pull_request_target is not pull_request). */
    static List<String> triggers(List<Workflow> workflows, List<String> wanted) {
        Set<String> events = new LinkedHashSet<>();
        workflows.forEach(w -> events.addAll(Triggers.events(w)));
        List<String> missing = wanted.stream().filter(e -> !events.contains(e)).toList();
        return missing.isEmpty() ? List.of() : List.of("not triggered by " + missing + " (triggers: " + events + ")");
    }

    /**
     * Each job waits for the other to pass, directly or through jobs between, in the workflow that holds it: a job
     * whose if: calls always(), failure() or cancelled() on the way runs whatever its needs did.
     */
    static List<String> needs(List<Workflow> workflows, Map<String, String> order) {
        List<String> findings = new ArrayList<>();
        order.forEach((job, before) -> {
            Optional<Workflow.Job> found = find(workflows, job);
            if (found.isEmpty()) {
                findings.add("there is no job " + job);
            } else if (!upstream(found.get(), false).contains(before)) {
                findings.add(job + " does not wait for " + before);
            } else if (!upstream(found.get(), true).contains(before)) {
                findings.add(job + " runs even when " + before + " fails (an if: on the way calls always(), failure()"
                        + " or cancelled())");
            }
            found.ifPresent(j -> j.needs().stream()
                    .filter(n -> j.workflow().job(n).isEmpty())
                    .forEach(n -> findings.add(job + " needs " + n + ", which is no job of "
                            + j.workflow().file())));
        });
        return findings;
    }

    private static Optional<Workflow.Job> find(List<Workflow> workflows, String id) {
        return workflows.stream().flatMap(w -> w.job(id).stream()).findFirst();
    }

    /** The jobs this one waits for; with {@code toPass}, only through jobs whose if: keeps the implicit success(). */
    private static Set<String> upstream(Workflow.Job job, boolean toPass) {
        Set<String> seen = new HashSet<>();
        Deque<Workflow.Job> queue = new ArrayDeque<>(List.of(job));
        while (!queue.isEmpty()) {
            Workflow.Job next = queue.pop();
            if (toPass && Condition.overridesNeeds(next.node().path("if"))) {
                continue;
            }
            for (String need : next.needs()) {
                if (seen.add(need)) {
                    next.workflow().job(need).ifPresent(queue::add);
                }
            }
        }
        return seen;
    }

    /** The job surely runs for each listed event (comma-separated), by the triggers, its if: and its needs. */
    static List<String> jobEvents(List<Workflow> workflows, Reachability reach, Map<String, String> wanted) {
        List<String> findings = new ArrayList<>();
        wanted.forEach((id, events) -> {
            Optional<Workflow.Job> job = find(workflows, id);
            if (job.isEmpty()) {
                findings.add("there is no job " + id);
                return;
            }
            for (String event : java.util.regex.Pattern.compile("\\s*,\\s*").split(events, -1)) {
                boolean runs = reach.scenarios(job.get().workflow()).stream()
                        .anyMatch(s -> s.event().equals(event.strip()) && reach.runs(job.get(), s, false) == Tri.TRUE);
                if (!runs) {
                    findings.add(job.get().where() + " does not run for " + event.strip());
                }
            }
        });
        return findings;
    }

    static List<String> concurrency(List<Workflow> workflows) {
        for (Workflow workflow : workflows) {
            if (set(workflow.root().path("concurrency"))
                    || workflow.jobs().stream().anyMatch(j -> set(j.node().path("concurrency")))) {
                return List.of();
            }
        }
        return List.of("no concurrency group on a workflow or a job");
    }

    private static boolean set(com.fasterxml.jackson.databind.JsonNode concurrency) {
        return (concurrency.isTextual() && !concurrency.asText().isBlank())
                || (concurrency.isObject()
                        && !concurrency.path("group").asText("").isBlank());
    }
}
