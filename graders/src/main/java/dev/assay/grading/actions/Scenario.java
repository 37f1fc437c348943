package dev.assay.grading.actions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One way a workflow can start, as its {@code github} context would show it: the event, the ref, and for pull
 * request events the head and base branches. {@code ref} is null when the grader cannot tell it. {@code
 * foreignCode} marks a run that acts on another branch's code while its ref is the default branch (workflow_run).
 */
public record Scenario(
        String event,
        @Nullable String ref,
        @Nullable String headRef,
        @Nullable String baseRef,
        boolean foreignCode,
        String foreignBranch) {

    static Scenario of(String event, @Nullable String ref) {
        return new Scenario(event, ref, null, null, false, "");
    }

    static Scenario branch(String event, String branch) {
        return of(event, "refs/heads/" + branch);
    }

    static Scenario tag(String event, String tag) {
        return of(event, "refs/tags/" + tag);
    }

    boolean pullRequest() {
        return event.startsWith("pull_request");
    }

    /** Whether this run is for the named branch's own code, started by anything but a pull request. */
    boolean from(String branch) {
        return !pullRequest() && !foreignCode && ("refs/heads/" + branch).equals(ref);
    }

    /** The value of a {@code github.*} property this scenario knows, or null. */
    @Nullable
    Object github(String property) {
        return switch (property.toLowerCase(Locale.ROOT)) {
            case "event_name" -> event;
            case "ref" -> ref;
            case "ref_name" -> ref == null ? null : ref.replaceFirst("^refs/(heads|tags|pull)/", "");
            case "ref_type" -> ref == null ? null : ref.startsWith("refs/tags/") ? "tag" : "branch";
            case "head_ref" -> headRef == null ? "" : headRef;
            case "base_ref" -> baseRef == null ? "" : baseRef;
            default -> null;
        };
    }

    @Override
    public String toString() {
        String base = event + (ref == null ? " (ref unknown)" : " on " + ref);
        return foreignCode ? base + " after a run on branch " + foreignBranch : base;
    }
}
