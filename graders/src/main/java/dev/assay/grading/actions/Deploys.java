package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deployOnlyFrom rule: every job that deploys runs only for pushes of the named branch's own code (or other
 * runs on that branch: a schedule, a manual run of it). A job deploys when a check names it, when a step of it
 * logs in to a cloud (AWS, Google Cloud, Azure), or when it reads a secret a check names as a deploy secret.
 * Whether it can run is judged from the triggers and filters and its {@code if:} (and, unless {@code ownOnly},
 * from the jobs it needs), for every run the triggers allow.
 */
final class Deploys {
    private static final Set<String> CLOUD_LOGINS =
            Set.of("aws-actions/configure-aws-credentials", "google-github-actions/auth", "azure/login");

    private Deploys() {}

    record Options(String branch, List<String> jobs, List<String> secrets, boolean ownOnly) {}

    static List<String> findings(Repository repository, Reachability reach, Options options, List<Step> steps) {
        List<Workflow.Job> deploys = new ArrayList<>();
        for (Workflow.Job job : repository.jobs()) {
            List<Step> own = steps.stream().filter(s -> s.job().equals(job)).toList();
            if (options.jobs().contains(job.id()) || logsIn(own) || readsSecret(job, own, options.secrets())) {
                deploys.add(job);
            }
        }
        if (deploys.isEmpty()) {
            return List.of("no deploying job found (none named " + options.jobs()
                    + ", none logs in to a cloud or reads " + options.secrets() + ")");
        }
        List<String> findings = new ArrayList<>();
        for (Workflow.Job job : deploys) {
            List<String> runs = new ArrayList<>();
            for (Scenario scenario : reach.scenarios(job.workflow())) {
                Tri tri = reach.runs(job, scenario, options.ownOnly());
                if (tri != Tri.FALSE && !scenario.from(options.branch())) {
                    runs.add(scenario + (tri == Tri.UNKNOWN ? " (its conditions cannot be decided for it)" : ""));
                }
            }
            if (!runs.isEmpty()) {
                findings.add(job.where() + " deploys for runs other than pushes to " + options.branch() + ": "
                        + String.join("; ", runs.stream().limit(4).toList())
                        + (runs.size() > 4 ? " (and " + (runs.size() - 4) + " more)" : ""));
            }
        }
        return findings;
    }

    private static boolean logsIn(List<Step> steps) {
        return steps.stream().anyMatch(s -> CLOUD_LOGINS.contains(Actions.name(s.uses())));
    }

    private static boolean readsSecret(Workflow.Job job, List<Step> steps, List<String> secrets) {
        Set<String> wanted = new LinkedHashSet<>();
        secrets.forEach(s -> wanted.add("secrets." + s.toLowerCase(Locale.ROOT)));
        Set<String> read = new LinkedHashSet<>();
        Values.strings(job.node(), text -> read.addAll(SecretsRead.of(text)));
        steps.forEach(s -> Values.strings(s.node(), text -> read.addAll(SecretsRead.of(text))));
        return !wanted.isEmpty()
                && read.stream()
                        .anyMatch(r -> wanted.contains(r) || r.equals("secrets") || r.equals("secrets.(unparsed)"));
    }
}
