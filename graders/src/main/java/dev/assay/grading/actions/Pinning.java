package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The pinnedActions rule: every action and reusable workflow from elsewhere is pinned to a full commit SHA, every
 * container image ({@code docker://}) to a digest. Actions of the repository itself ({@code ./path}, run from the
 * checked-out workspace, and {@code $/path}, at the running commit) need no pin, but their own steps are read. With
 * an approved list ({@code owner/repo@sha}, as a team's policy names them), a pin must also be on it: any 40 hex
 * digits are a pin, only the approved ones are the commit the team reviewed.
 */
final class Pinning {
    private static final Pattern REMOTE = Pattern.compile("[\\w.-]+/[\\w.-]+(/[^@\\s]+)?@([^@\\s]+)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern DIGEST = Pattern.compile("docker://[^@\\s]+@sha256:[0-9a-f]{64}");

    private Pinning() {}

    static List<String> findings(Repository repository, List<Step> steps, List<String> approved) {
        List<String> findings = new ArrayList<>();
        for (Step step : steps) {
            if (!step.uses().isEmpty() || step.node().has("uses")) {
                add(findings, step.where(), problem(step.uses(), approved));
            }
        }
        for (Workflow.Job job : repository.jobs()) {
            job.calls().ifPresent(uses -> add(findings, job.where(), problem(uses, approved)));
        }
        repository.actions().forEach((path, action) -> {
            String image = action.path("runs").path("image").asText("");
            if (image.startsWith("docker://")) {
                add(findings, "./" + path + " (its runs.image)", problem(image));
            }
        });
        findings.addAll(Unread.findings(repository, steps));
        return findings;
    }

    private static void add(List<String> findings, String where, @Nullable String problem) {
        if (problem != null) {
            findings.add(where + ": " + problem);
        }
    }

    /** What is wrong with a {@code uses} value given the approved pins (none: any SHA), or null when it holds. */
    static @Nullable String problem(String uses, List<String> approved) {
        String problem = problem(uses);
        if (problem != null || approved.isEmpty()) {
            return problem;
        }
        var matcher = REMOTE.matcher(uses);
        if (!matcher.matches() || uses.startsWith("docker://")) {
            return null;
        }
        String repositoryAndPin = uses.replaceFirst("^([\\w.-]+/[\\w.-]+)(/[^@\\s]+)?@", "$1@");
        return approved.contains(repositoryAndPin)
                ? null
                : uses + " is pinned to a commit the policy does not approve (approved: "
                        + String.join(
                                ", ",
                                approved.stream()
                                        .filter(a -> a.startsWith(
                                                repositoryAndPin.substring(0, repositoryAndPin.indexOf('@') + 1)))
                                        .toList())
                        + ")";
    }

    /** What is wrong with a {@code uses} value, or null when it is pinned or local. */
    static @Nullable String problem(String uses) {
        if (uses.isEmpty()) {
            return "uses names nothing";
        }
        if (uses.contains("${{")) {
            return uses + " is an expression, which GitHub does not allow in uses";
        }
        if (uses.startsWith("$/")) {
            return uses.contains("@") ? uses + " gives a ref, which a $/ reference may not (GitHub refuses it)" : null;
        }
        if (uses.startsWith("./")) {
            return null;
        }
        if (uses.startsWith("docker://")) {
            return DIGEST.matcher(uses).matches() ? null : uses + " is not pinned to an image digest (@sha256:...)";
        }
        var matcher = REMOTE.matcher(uses);
        if (!matcher.matches()) {
            return uses + " is not pinned to a commit SHA (no @ref)";
        }
        return SHA.matcher(matcher.group(2)).matches() ? null : uses + " is not pinned to a full commit SHA";
    }
}
