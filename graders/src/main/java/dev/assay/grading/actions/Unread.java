package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;

/** Steps and jobs whose local action or reusable workflow could not be read: rules on them cannot judge it. */
final class Unread {
    private Unread() {}

    static List<String> findings(Repository repository, List<Step> steps) {
        List<String> findings = new ArrayList<>();
        for (Step step : steps) {
            Repository.localPath(step.uses())
                    .ifPresent(path -> add(repository, findings, step.where(), step.uses(), path));
        }
        for (Workflow.Job job : repository.jobs()) {
            job.calls()
                    .ifPresent(uses -> Repository.localPath(uses)
                            .ifPresent(path -> add(repository, findings, job.where(), uses, path)));
        }
        return findings;
    }

    private static void add(Repository repository, List<String> findings, String where, String uses, String path) {
        String reason = repository.unreadable().get(path);
        if (reason != null) {
            findings.add(where + ": " + uses + " could not be read (" + reason + "), so the grader cannot judge what it"
                    + " runs");
        }
    }
}
