package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The git grader's verdicts on history and files, from the facts our git printed about a clone. */
final class GitVerdicts {
    private GitVerdicts() {}

    static String shortId(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** The branch, or the tag, a check is about. */
    static String where(Map<String, Object> parameters) {
        return Text.string(parameters, "branch", Text.string(parameters, "tag", ""));
    }

    /** How a lab names the commit it is about: its subject, or its id. */
    static String named(Map<String, Object> parameters) {
        String subject = Text.string(parameters, "subject", "");
        return subject.isEmpty() ? "commit " + shortId(Text.string(parameters, "commit", "")) : "'" + subject + "'";
    }

    static CheckResult contains(CheckResult.Builder check, GitFacts facts, Map<String, Object> parameters) {
        String branch = where(parameters);
        if (parameters.containsKey("commit")) {
            String commit = named(parameters);
            if (!facts.present("wanted")) {
                return check.expect(false, commit + " is in no branch or tag a clone gets")
                        .build();
            }
            return check.expect("yes".equals(facts.first("ancestor")), commit + " is not on " + branch)
                    .success(branch + " contains " + commit)
                    .build();
        }
        String subject = Text.string(parameters, "subject", "");
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

    /**
     * The commit must still be on the branch (history kept) and its change undone in the branch's tip: reverting
     * it there again would change nothing. Whether a commit calls itself a revert plays no part.
     */
    static CheckResult reverted(CheckResult.Builder check, GitFacts facts, Map<String, Object> parameters) {
        String branch = Text.string(parameters, "branch", "");
        String commit = named(parameters);
        if (!facts.present("target")) {
            String elsewhere = facts.present("elsewhere")
                    ? " (it is still in the repository at " + shortId(facts.first("elsewhere")) + " but no longer on "
                            + branch + ": history was rewritten)"
                    : "";
            return check.observe("commit to revert", "not on " + branch)
                    .expect(false, commit + " is not on " + branch + elsewhere)
                    .build();
        }
        check.observe("commit to revert", shortId(facts.first("target")) + " " + commit);
        if (facts.present("revert")) {
            check.observe(
                    "a commit with the inverse patch", shortId(facts.first("revert")) + " " + facts.rest("revert"));
        }
        String touched =
                facts.all("file").stream().map(line -> GitFacts.field(line, 0)).collect(Collectors.joining(", "));
        check.observe("files it touched", touched);
        String undo = facts.first("undo");
        check.observe(
                "reverting it again at the tip",
                switch (undo) {
                    case "same" -> "would change nothing: its change is undone";
                    case "conflict" -> "conflicts with what is there now";
                    default -> "would still change files: its change is in effect";
                });
        return check.expect(
                        "same".equals(undo),
                        "conflict".equals(undo)
                                ? commit + " is not undone on " + branch + ": its lines in " + touched
                                        + " were changed rather than restored (reverting it at the tip conflicts)"
                                : commit + " is still in effect on " + branch + ": its change to " + touched
                                        + " is in the tip")
                .success(commit + " is undone on " + branch + " by new commits; history kept")
                .build();
    }

    static CheckResult merged(CheckResult.Builder check, GitFacts facts, String branch, String from) {
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
        String dropped = facts.all("dropped").stream()
                .map(line -> GitFacts.field(line, 0))
                .collect(Collectors.joining(", "));
        if (facts.present("merge")) {
            check.observe("merge commit", shortId(facts.first("merge")));
            check.observe("files only " + from + " changed, left as before it", dropped.isEmpty() ? "none" : dropped);
        }
        return check.expect(ancestor, from + " is not merged into " + branch)
                .expect(markers.isEmpty(), "conflict markers were committed in " + markers)
                .expect(
                        dropped.isEmpty(),
                        "the merge took nothing of " + from + "'s changes to " + dropped + " (they are as before "
                                + from + " changed them): a merge in name only")
                .success(from + " is merged into " + branch + " with the conflicts resolved")
                .build();
    }

    static CheckResult file(CheckResult.Builder check, GitFacts facts, String branch, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        if (!facts.present("blob")) {
            return check.observe(path + " at " + branch, "missing")
                    .expect(
                            false,
                            path + " is not in " + branch
                                    + ("160000".equals(facts.first("mode")) ? " (a submodule)" : ""))
                    .build();
        }
        if ("120000".equals(facts.first("mode"))) {
            return check.observe(path + " at " + branch, "a symbolic link to " + Text.excerpt(facts.content()))
                    .expect(
                            false,
                            path + " at " + branch + " is a symbolic link (to " + Text.excerpt(facts.content())
                                    + "), not a file")
                    .build();
        }
        check.observe(path + " at " + branch, Text.excerpt(facts.content()));
        long size = Long.parseLong(facts.first("blob").replaceAll("\\D", "0"));
        String partly = size > facts.content().length()
                ? " (its first " + facts.content().length() + " of " + size + " bytes were read)"
                : "";
        String content = Text.string(parameters, "content", "");
        return check.expect(
                        Pattern.compile(content, Pattern.MULTILINE)
                                .matcher(facts.content())
                                .find(),
                        path + " at " + branch + " does not match /" + content + "/" + partly)
                .success(path + " is committed on " + branch + (content.isEmpty() ? "" : " as expected"))
                .build();
    }
}
