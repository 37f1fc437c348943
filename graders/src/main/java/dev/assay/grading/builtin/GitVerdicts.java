package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.builtin.GitGrader.Facts;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The git grader's verdicts, one per expectation, from the facts our git printed. */
final class GitVerdicts {
    private GitVerdicts() {}

    static String shortId(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    static CheckResult contains(CheckResult.Builder check, Facts facts, String branch, String subject) {
        Pattern wanted = Pattern.compile(subject);
        List<List<String>> commits = facts.all("commit");
        check.observe("commits read on " + branch, commits.size());
        for (List<String> commit : commits) {
            if (commit.size() >= 2 && wanted.matcher(commit.get(1)).find()) {
                check.observe("matching commit", shortId(commit.get(0)) + " " + commit.get(1));
                return check.success(branch + " has a commit matching /" + subject + "/")
                        .build();
            }
        }
        return check.expect(false, "no commit on " + branch + " has a subject matching /" + subject + "/")
                .build();
    }

    static CheckResult reverted(CheckResult.Builder check, Facts facts, String branch, String subject) {
        if (!facts.present("target")) {
            String elsewhere = facts.present("elsewhere")
                    ? " (it is still in the repository at " + shortId(facts.first("elsewhere")) + " but no longer on "
                            + branch + ": history was rewritten)"
                    : "";
            return check.observe("commit to revert", "not on " + branch)
                    .expect(false, "the commit '" + subject + "' is not on " + branch + elsewhere)
                    .build();
        }
        check.observe("commit to revert", shortId(facts.first("target")) + " " + subject);
        if (facts.present("revert")) {
            check.observe("revert commit", shortId(facts.first("revert")) + " " + facts.rest("revert"));
        }
        List<String> differing = facts.all("file").stream()
                .filter(file -> file.size() >= 2 && "differs".equals(file.get(0)))
                .map(file -> file.get(1))
                .toList();
        check.observe(
                "files it changed, now back as before it",
                facts.all("file").size() - differing.size() + " of "
                        + facts.all("file").size());
        boolean undone = facts.present("revert") || differing.isEmpty();
        return check.expect(
                        undone,
                        "'" + subject + "' is still in effect on " + branch + ": no commit undoes it, and "
                                + String.join(", ", differing) + " still differ from before it")
                .success("'" + subject + "' is undone on " + branch + " by a new commit; history kept")
                .build();
    }

    static CheckResult cherryPicked(CheckResult.Builder check, Facts facts, Map<String, Object> parameters) {
        String branch = Text.string(parameters, "branch", "");
        String from = Text.string(parameters, "from", "");
        String subject = Text.string(parameters, "subject", "");
        if (!facts.present("from")) {
            return check.expect(false, "there is no branch " + from).build();
        }
        if (!facts.present("source")) {
            return check.expect(false, "no commit '" + subject + "' on " + from).build();
        }
        check.observe("commit to pick", shortId(facts.first("source")) + " " + subject);
        if ("yes".equals(facts.first("merged"))) {
            return check.observe("how it got there", "merged with the rest of " + from)
                    .expect(false, branch + " has '" + subject + "' by merging " + from + ", not by a cherry-pick")
                    .build();
        }
        String copy = facts.present("equivalent") ? "equivalent" : "noted";
        if (facts.present(copy)) {
            check.observe(
                    "picked as",
                    shortId(facts.first(copy)) + " " + facts.rest(copy)
                            + ("noted".equals(copy) ? " (names it with -x)" : " (same patch)"));
        }
        return check.expect(facts.present(copy), branch + " has no copy of '" + subject + "'")
                .success("'" + subject + "' is cherry-picked onto " + branch)
                .build();
    }

    static CheckResult merged(CheckResult.Builder check, Facts facts, String branch, String from) {
        if (!facts.present("from")) {
            return check.expect(false, "there is no branch " + from).build();
        }
        boolean ancestor = "yes".equals(facts.first("ancestor"));
        check.observe(from + " merged into " + branch, ancestor ? "yes" : "no");
        String markers = facts.all("markers").stream()
                .filter(line -> line.size() >= 2)
                .map(line -> line.get(1) + " (" + line.get(0) + " lines)")
                .collect(Collectors.joining(", "));
        check.observe("conflict markers committed", markers.isEmpty() ? "none" : markers);
        return check.expect(ancestor, from + " is not merged into " + branch)
                .expect(markers.isEmpty(), "conflict markers were committed in " + markers)
                .success(from + " is merged into " + branch + " with the conflicts resolved")
                .build();
    }

    static CheckResult file(CheckResult.Builder check, Facts facts, String branch, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        if (!facts.present("blob")) {
            return check.observe(path + " at " + branch, "missing")
                    .expect(false, path + " is not in " + branch)
                    .build();
        }
        check.observe(path + " at " + branch, Text.excerpt(facts.content()));
        String content = Text.string(parameters, "content", "");
        return check.expect(
                        Pattern.compile(content, Pattern.MULTILINE)
                                .matcher(facts.content())
                                .find(),
                        path + " at " + branch + " does not match /" + content + "/")
                .success(path + " is committed on " + branch + (content.isEmpty() ? "" : " as expected"))
                .build();
    }

    static CheckResult secretAbsent(CheckResult.Builder check, Facts facts) {
        List<String> reaching = facts.all("ref").stream()
                .filter(ref -> ref.size() >= 2 && !"0".equals(ref.get(0)))
                .map(ref -> ref.get(1))
                .toList();
        check.observe("refs read", facts.all("ref").size());
        check.observe("refs that still reach the secret", reaching.isEmpty() ? "none" : String.join(", ", reaching));
        return check.expect(
                        reaching.isEmpty(),
                        "the secret is still in history, reachable from " + String.join(", ", reaching))
                .success("no branch, tag or other ref reaches the secret")
                .build();
    }
}
