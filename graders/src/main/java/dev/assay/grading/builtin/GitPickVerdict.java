package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code cherry-picked}: the commit's change must be in the branch's tip (a cherry-pick of it there would be
 * empty), and the rest of {@code from} must not have come with it: no other commit of {@code from} since the
 * branch's fork point may be in the branch's history (a merge); with {@code only}, nor its change on the branch
 * (picked too, or squashed in). The fork point is {@code base} when the lab gives it (where the branch stood before
 * the work); without it, the first commit on the branch's own line that the picked commit builds on, and then a
 * commit that is itself in the branch's history counts as merged, since a fast-forward hides what came with it.
 * A "(cherry picked from commit ...)" line is a claim, and counts for nothing.
 */
final class GitPickVerdict {
    private GitPickVerdict() {}

    static CheckResult judge(CheckResult.Builder check, GitFacts facts, Map<String, Object> parameters) {
        String branch = Text.string(parameters, "branch", "");
        String from = Text.string(parameters, "from", "");
        String commit = GitVerdicts.named(parameters);
        boolean only = Text.flag(parameters, "only", false);
        if (!facts.present("from")) {
            return check.expect(false, "there is no branch " + from).build();
        }
        if (!facts.present("source")) {
            return check.expect(
                            false,
                            parameters.containsKey("commit")
                                    ? commit + " is in no branch or tag a clone gets"
                                    : "no commit " + commit + " on " + from)
                    .build();
        }
        check.observe("commit to pick", GitVerdicts.shortId(facts.first("source")) + " " + commit);
        if (facts.present("equivalent")) {
            check.observe(
                    "a copy with the same patch",
                    GitVerdicts.shortId(facts.first("equivalent")) + " " + facts.rest("equivalent"));
        }
        boolean present = "same".equals(facts.first("present"));
        check.observe("its change in the tip of " + branch, present ? "yes" : "no");
        check.expect(present, commit + " is not on " + branch + ": its change is not in the branch's tip");
        cameAlong(check, facts, parameters, commit);
        return check.success(
                        commit + " is cherry-picked onto " + branch + (only ? ", and nothing else of " + from : ""))
                .build();
    }

    /** Expectations on what of {@code from} came to the branch besides the commit. */
    private static void cameAlong(
            CheckResult.Builder check, GitFacts facts, Map<String, Object> parameters, String commit) {
        String branch = Text.string(parameters, "branch", "");
        String from = Text.string(parameters, "from", "");
        boolean only = Text.flag(parameters, "only", false);
        List<List<String>> others = facts.all("other");
        String merged = describe(others, "merged");
        String alsoThere = describe(
                others.stream()
                        .filter(line -> !"merged".equals(GitFacts.field(line, 0)))
                        .toList(),
                "");
        check.observe(
                "other commits of " + from + " on " + branch,
                others.isEmpty()
                        ? "none"
                        : others.stream().map(GitPickVerdict::line).collect(Collectors.joining("; ")));
        boolean base = parameters.containsKey("base");
        check.expect(
                !facts.has("base"),
                branch + " no longer contains the commit it stood at ("
                        + GitVerdicts.shortId(Text.string(parameters, "base", "")) + "): its history was rewritten");
        check.expect(
                base || !facts.has("ancestor"),
                branch + " has " + commit + " by merging " + from + " (the commit itself is in its history, so"
                        + " what came with it cannot be told apart); a cherry-pick copies it");
        check.expect(
                merged.isEmpty() || (!base && facts.has("ancestor")),
                branch + " has " + commit + " by merging " + from + ", which also brought " + merged
                        + "; not a cherry-pick");
        if (only) {
            check.expect(
                    facts.present("fork"),
                    "where " + branch + " stood before it cannot be told (no common history), so 'only' is not judged");
            check.expect(
                    !facts.has("others"),
                    from + " has more than 200 commits since " + branch + " forked; 'only' is not judged");
            check.expect(alsoThere.isEmpty(), branch + " also has other commits of " + from + ": " + alsoThere);
        }
    }

    private static String describe(List<List<String>> others, String how) {
        return others.stream()
                .filter(line -> how.isEmpty() || how.equals(GitFacts.field(line, 0)))
                .limit(5)
                .map(line -> GitFacts.field(line, 2) + " (" + GitVerdicts.shortId(GitFacts.field(line, 1)) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String line(List<String> other) {
        String how = switch (GitFacts.field(other, 0)) {
            case "merged" -> "in its history";
            case "picked" -> "same patch";
            default -> "its change is there";
        };
        return GitVerdicts.shortId(GitFacts.field(other, 1)) + " " + GitFacts.field(other, 2) + " (" + how + ")";
    }
}
