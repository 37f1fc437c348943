package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pullRequestIsolation rule: no pull request's code runs with the repository's secrets or its cloud role. A
 * job runs a pull request's code on pull_request events (their checkout is the pull request), and on
 * pull_request_target or workflow_run when it checks out the pull request's head; such a job must read no
 * secret but the job's own token, pass none on, and not be granted id-token: write.
 */
final class PullRequestSecrets {
    private PullRequestSecrets() {}

    static List<String> findings(Repository repository, Reachability reach, List<Step> steps) {
        List<String> findings = new ArrayList<>();
        for (Workflow.Job job : repository.jobs()) {
            List<Step> own = steps.stream().filter(s -> s.job().equals(job)).toList();
            boolean headCheckout = own.stream().anyMatch(PullRequestSecrets::checksOutHead);
            for (Scenario scenario : reach.scenarios(job.workflow())) {
                boolean pullRequestEvent = scenario.event().startsWith("pull_request")
                        && !scenario.event().equals("pull_request_target");
                boolean targetOrRun = scenario.event().equals("pull_request_target")
                        || scenario.event().equals("workflow_run");
                boolean prCode = pullRequestEvent || (targetOrRun && headCheckout);
                if (!prCode || reach.runs(job, scenario, false) == Tri.FALSE) {
                    continue;
                }
                Set<String> powers = powers(job, own, Tokens.of(repository, job));
                if (!powers.isEmpty()) {
                    findings.add(job.where() + " runs a pull request's code (" + scenario.event() + ") with " + powers);
                }
                break;
            }
        }
        return findings;
    }

    private static Set<String> powers(Workflow.Job job, List<Step> steps, JsonNode token) {
        Set<String> powers = new LinkedHashSet<>();
        Set<String> read = new LinkedHashSet<>();
        Values.strings(job.node(), text -> read.addAll(SecretsRead.of(text)));
        steps.forEach(s -> Values.strings(s.node(), text -> read.addAll(SecretsRead.of(text))));
        read.stream().filter(r -> !r.equals("secrets.github_token")).forEach(powers::add);
        if (job.node().path("secrets").asText("").equals("inherit")) {
            powers.add("secrets: inherit");
        }
        if (Tokens.idTokenWrite(token)) {
            powers.add("id-token: write");
        }
        return powers;
    }

    /** A checkout of the pull request's head: actions/checkout with a ref from the head, or git/gh fetching it. */
    private static boolean checksOutHead(Step step) {
        boolean checkout = Actions.isCheckout(step.uses());
        String text = checkout
                ? step.node().path("with").path("ref").asText("") + "\n"
                        + step.node().path("with").path("repository").asText("")
                : step.text("run");
        if (text.contains("refs/pull/")) {
            return true;
        }
        for (Templates.Expression expression : Templates.of(text)) {
            for (Expr.Path path : Templates.valuePaths(expression)) {
                String p = path.text();
                if (p.startsWith("github.event.pull_request.head")
                        || p.equals("github.head_ref")
                        || p.startsWith("github.event.workflow_run.head")) {
                    return true;
                }
            }
        }
        return !checkout && !text.isBlank() && fetchesPullRequest(Scripts.of(step, text));
    }

    private static boolean fetchesPullRequest(Scripts scripts) {
        if (!scripts.readable()) {
            return false;
        }
        for (Shell.Command command : ShellCommands.all(scripts.read())) {
            List<String> words = command.words().stream().map(Shell.Word::text).toList();
            if (command.name().equals("gh") && words.contains("pr") && words.contains("checkout")) {
                return true;
            }
            if (command.name().equals("git") && words.stream().anyMatch(w -> w.contains("pull/"))) {
                return true;
            }
        }
        return false;
    }
}
