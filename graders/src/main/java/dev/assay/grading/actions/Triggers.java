package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A workflow's {@code on:} as GitHub applies it: the events, and for each the runs it can start ({@link Scenario}s),
 * with push branch and tag filters ({@code branches}, {@code branches-ignore}, {@code tags}, {@code tags-ignore}),
 * pull request base-branch filters, and the refs other events run on. Branch and tag names are probed: the
 * default branch, names that look like it, ordinary names, and names built from the filters' own patterns.
 */
public final class Triggers {
    /** Events whose runs use the default branch's workflow and ref. */
    private static final Set<String> DEFAULT_BRANCH = Set.of(
            "branch_protection_rule",
            "check_run",
            "check_suite",
            "discussion",
            "discussion_comment",
            "fork",
            "gollum",
            "issue_comment",
            "issues",
            "label",
            "milestone",
            "page_build",
            "public",
            "repository_dispatch",
            "schedule",
            "status",
            "watch",
            "image_version");

    private Triggers() {}

    /** The events, in order. */
    public static List<String> events(Workflow workflow) {
        JsonNode on = workflow.on();
        List<String> events = new ArrayList<>();
        if (on.isTextual()) {
            events.add(on.asText());
        } else if (on.isArray()) {
            on.forEach(e -> events.add(e.asText()));
        } else {
            on.fieldNames().forEachRemaining(events::add);
        }
        return events;
    }

    static JsonNode config(Workflow workflow, String event) {
        return workflow.on().path(event);
    }

    /** The runs the workflow's own triggers can start (workflow_call aside: its callers decide). */
    static List<Scenario> scenarios(Workflow workflow, String main) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String event : events(workflow)) {
            scenarios.addAll(scenarios(event, config(workflow, event), main));
        }
        return scenarios;
    }

    static List<Scenario> scenarios(String event, JsonNode config, String main) {
        List<Scenario> scenarios = new ArrayList<>();
        switch (event) {
            case "push" -> push(config, main, scenarios);
            case "pull_request", "pull_request_review", "pull_request_review_comment" -> {
                for (String base : admitted(config, "branches", "branches-ignore", probes(main, config, "branches"))) {
                    scenarios.add(new Scenario(event, "refs/pull/7/merge", "feature", base, false, ""));
                    break;
                }
            }
            case "pull_request_target" -> {
                for (String base : admitted(config, "branches", "branches-ignore", probes(main, config, "branches"))) {
                    scenarios.add(new Scenario(event, "refs/heads/" + base, "feature", base, false, ""));
                    break;
                }
            }
            case "workflow_dispatch" -> {
                probes(main, config, "none").forEach(b -> scenarios.add(Scenario.branch(event, b)));
                scenarios.add(Scenario.tag(event, "v1.0.0"));
            }
            case "workflow_run" -> {
                for (String b : admitted(config, "branches", "branches-ignore", probes(main, config, "branches"))) {
                    scenarios.add(new Scenario(event, "refs/heads/" + main, null, null, !b.equals(main), b));
                }
            }
            case "merge_group" -> scenarios.add(Scenario.branch(event, "gh-readonly-queue/" + main + "/pr-7-0a1b2c"));
            case "release", "registry_package" -> scenarios.add(Scenario.tag(event, "v1.0.0"));
            case "create", "delete" -> {
                scenarios.add(Scenario.branch(event, "feature"));
                scenarios.add(Scenario.tag(event, "v1.0.0"));
            }
            case "workflow_call" -> {
                // decided by the callers
            }
            default ->
                scenarios.add(DEFAULT_BRANCH.contains(event) ? Scenario.branch(event, main) : Scenario.of(event, null));
        }
        return scenarios;
    }

    private static void push(JsonNode config, String main, List<Scenario> scenarios) {
        boolean branchFilter = config.has("branches") || config.has("branches-ignore");
        boolean tagFilter = config.has("tags") || config.has("tags-ignore");
        if (branchFilter || !tagFilter) {
            admitted(config, "branches", "branches-ignore", probes(main, config, "branches"))
                    .forEach(b -> scenarios.add(Scenario.branch("push", b)));
        }
        if (tagFilter || !branchFilter) {
            Set<String> tags = new LinkedHashSet<>(List.of("v1.0.0", "release-1"));
            tags.addAll(synthesized(config.path("tags")));
            admitted(config, "tags", "tags-ignore", tags).forEach(t -> scenarios.add(Scenario.tag("push", t)));
        }
    }

    /** Names the filter admits: those matching {@code include} if given, else those not matching {@code ignore}. */
    static List<String> admitted(JsonNode config, String include, String ignore, Set<String> names) {
        List<String> admitted = new ArrayList<>();
        for (String name : names) {
            boolean in = config.has(include)
                    ? Glob.included(patterns(config.get(include)), name)
                    : !config.has(ignore) || !Glob.included(patterns(config.get(ignore)), name);
            if (in) {
                admitted.add(name);
            }
        }
        return admitted;
    }

    static List<String> patterns(JsonNode list) {
        List<String> patterns = new ArrayList<>();
        if (list.isTextual()) {
            patterns.add(list.asText());
        } else {
            list.forEach(p -> patterns.add(p.asText()));
        }
        return patterns;
    }

    private static Set<String> probes(String main, JsonNode config, String field) {
        Set<String> names =
                new LinkedHashSet<>(List.of(main, "feature", main + "-x", main + "/x", "release/1.0", "dev"));
        names.addAll(synthesized(config.path(field)));
        names.addAll(synthesized(config.path(field + "-ignore")));
        return names;
    }

    /** A concrete name for each pattern, wildcards filled in. */
    private static List<String> synthesized(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (String pattern : patterns(list)) {
            String p = pattern.startsWith("!") ? pattern.substring(1) : pattern;
            String name = p.replace("**", "x/x")
                    .replace("*", "x")
                    .replaceAll("\\[(.)[^\\]]*\\]", "$1")
                    .replaceAll("\\\\(.)", "$1")
                    .replace("?", "")
                    .replace("+", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
