package dev.assay.grading.actions;

import java.util.Set;

/** The keys GitHub documents at each level of a workflow and of an action's metadata. */
final class Syntax {
    static final Set<String> WORKFLOW =
            Set.of("name", "run-name", "on", "true", "permissions", "env", "defaults", "concurrency", "jobs");

    static final Set<String> JOB = Set.of(
            "name",
            "permissions",
            "needs",
            "if",
            "runs-on",
            "snapshot",
            "environment",
            "concurrency",
            "outputs",
            "env",
            "defaults",
            "steps",
            "timeout-minutes",
            "strategy",
            "continue-on-error",
            "container",
            "services",
            "uses",
            "with",
            "secrets");

    static final Set<String> STEP = Set.of(
            "id",
            "if",
            "name",
            "uses",
            "run",
            "shell",
            "with",
            "env",
            "continue-on-error",
            "timeout-minutes",
            "working-directory",
            "background",
            "wait",
            "wait-all",
            "cancel",
            "parallel");

    /** What a step does: exactly one of these. */
    static final Set<String> STEP_KINDS = Set.of("uses", "run", "wait", "wait-all", "cancel", "parallel");

    /** Not allowed in a composite action's steps. */
    static final Set<String> NOT_IN_COMPOSITE = Set.of("background", "wait", "wait-all", "cancel", "parallel");

    private Syntax() {}
}
