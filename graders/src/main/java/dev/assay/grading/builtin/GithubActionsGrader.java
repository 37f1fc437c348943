package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.actions.ActionsRules;
import dev.assay.grading.actions.Repository;
import dev.assay.grading.actions.RepositoryReader;
import dev.assay.grading.actions.Workflow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads GitHub Actions workflows through the archive API (one file, or a whole {@code .github/workflows} directory,
 * since GitHub runs every workflow in it) with the local actions and reusable workflows they use, and checks the
 * rules a check asks for on the parsed structure and the scripts' shell words (rules in {@code dev.assay.grading
 * .actions}). All rules held pass; some held earn that share. What a rule cannot judge fails it, saying why.
 */
public final class GithubActionsGrader extends BuiltinGrader {
    /** Parameters that qualify a rule rather than being one. */
    private static final Set<String> QUALIFIERS = Set.of(
            "path",
            "allowWrite",
            "cacheKey",
            "deployJobs",
            "deploySecrets",
            "guardOnJob",
            "failOnError",
            "defaultBranch");

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required(
                    "path",
                    ParameterSpec.Type.STRING,
                    "a workflow file, or a .github/workflows directory (every workflow in it)")
            .optional(
                    "triggers",
                    ParameterSpec.Type.STRING_LIST,
                    "events that must trigger it, such as [pull_request, push]")
            .optional("needs", ParameterSpec.Type.STRING_MAP, "job: job it must wait for (directly or through others)")
            .optional("jobEvents", ParameterSpec.Type.STRING_MAP, "job: events it surely runs for, comma-separated")
            .optional(
                    "valid",
                    ParameterSpec.Type.BOOLEAN,
                    "a workflow GitHub accepts (keys, triggers, jobs, steps, needs)")
            .optional(
                    "pinnedActions",
                    ParameterSpec.Type.BOOLEAN,
                    "actions and reusable workflows pinned to a commit SHA")
            .optional(
                    "approvedActions",
                    ParameterSpec.Type.STRING_LIST,
                    "with pinnedActions: the only pins allowed, as owner/repo@sha (a team's approved list)")
            .optional(
                    "leastPrivilege",
                    ParameterSpec.Type.BOOLEAN,
                    "each job's token: declared, no read-all/write-all, no extra write")
            .optional(
                    "allowWrite",
                    ParameterSpec.Type.STRING_LIST,
                    "permission scopes that may be write, such as [id-token]")
            .optional("oidc", ParameterSpec.Type.BOOLEAN, "AWS through a role assumed with OIDC, no long-lived keys")
            .optional("noSecretEcho", ParameterSpec.Type.BOOLEAN, "no step prints a secret, in any form")
            .optional("noInjection", ParameterSpec.Type.BOOLEAN, "no outsider-controlled text expanded into a script")
            .optional(
                    "caching",
                    ParameterSpec.Type.BOOLEAN,
                    "dependencies cached (actions/cache or a setup action's cache)")
            .optional(
                    "cacheKey",
                    ParameterSpec.Type.STRING,
                    "with caching: the file every cache key must hash, such as package-lock.json")
            .optional("concurrency", ParameterSpec.Type.BOOLEAN, "a concurrency group on a workflow or a job")
            .optional(
                    "deployOnlyFrom", ParameterSpec.Type.STRING, "the branch deploying jobs may run for, such as main")
            .optional(
                    "deployJobs",
                    ParameterSpec.Type.STRING_LIST,
                    "with deployOnlyFrom: jobs that deploy (default [deploy])")
            .optional(
                    "deploySecrets",
                    ParameterSpec.Type.STRING_LIST,
                    "with deployOnlyFrom: secrets only deploying jobs read")
            .optional(
                    "guardOnJob",
                    ParameterSpec.Type.BOOLEAN,
                    "with deployOnlyFrom: the job's own triggers and if: must suffice")
            .optional(
                    "runs",
                    ParameterSpec.Type.STRING_MAP,
                    "job: command it runs in a run step ('npm test | npm run test')")
            .optional("failOnError", ParameterSpec.Type.BOOLEAN, "with runs: a failure of the command fails the job")
            .optional(
                    "pullRequestIsolation",
                    ParameterSpec.Type.BOOLEAN,
                    "no pull request's code runs with secrets or id-token")
            .optional("defaultBranch", ParameterSpec.Type.STRING, "the repository's default branch (default main)")
            .rule(GithubActionsGrader::atLeastOneRule)
            .build();

    public GithubActionsGrader() {
        super(
                "github-actions",
                "3",
                "rules on GitHub Actions workflows (a file or the whole directory) and the local actions they use:"
                        + " triggers, needs, deploy refs, permissions, pins, OIDC, secrets, injection, commands, cache",
                PARAMETERS);
    }

    private static List<ParameterSpec.Problem> atLeastOneRule(Map<String, Object> values) {
        if (values.keySet().stream().noneMatch(k -> !QUALIFIERS.contains(k))) {
            return List.of(new ParameterSpec.Problem("path", "name at least one rule to check, such as pinnedActions"));
        }
        for (String[] pair : new String[][] {
            {"allowWrite", "leastPrivilege"}, {"cacheKey", "caching"}, {"deployJobs", "deployOnlyFrom"},
            {"deploySecrets", "deployOnlyFrom"}, {"guardOnJob", "deployOnlyFrom"}, {"failOnError", "runs"}
        }) {
            if (values.containsKey(pair[0]) && !values.containsKey(pair[1])) {
                return List.of(new ParameterSpec.Problem(pair[0], "only means something with " + pair[1]));
            }
        }
        return List.of();
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("path", path);
        WorkflowFiles files = new WorkflowFiles(lab, check, path);
        List<Workflow> graded = files.graded(path);
        if (graded == null) {
            return check.build();
        }
        Repository repository = RepositoryReader.read(graded, files::local);
        ActionsRules rules = new ActionsRules(repository, Text.string(parameters, "defaultBranch", "main"));
        Map<String, String> results = rules.apply(parameters);
        if (!repository.called().isEmpty() || !repository.actions().isEmpty()) {
            check.observe(
                    "local files read",
                    String.join(", ", repository.actions().keySet())
                            + (repository.called().isEmpty()
                                    ? ""
                                    : " "
                                            + repository.called().stream()
                                                    .map(Workflow::path)
                                                    .toList()));
        }
        check.observe("steps read", rules.steps());
        if (!rules.notes().isEmpty()) {
            check.observe("read but not GitHub syntax, or not judged", String.join("; ", rules.notes()));
        }
        return Rules.verdict(check, results);
    }
}
