package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The oidc rule: AWS is reached by assuming a role with the job's OIDC token (configure-aws-credentials with
 * role-to-assume, in a job granted id-token: write), and no long-lived AWS key is stored as a secret or handed to
 * any step.
 */
final class Oidc {
    /** Actions that ask for the job's OIDC token, by name. */
    private static final Set<String> TOKEN_ACTIONS = Set.of(
            "aws-actions/configure-aws-credentials",
            "google-github-actions/auth",
            "azure/login",
            "actions/attest-build-provenance",
            "actions/attest",
            "actions/attest-sbom",
            "hashicorp/vault-action",
            "pypa/gh-action-pypi-publish");

    private static final Set<String> KEY_INPUTS = Set.of("aws-access-key-id", "aws-secret-access-key");
    private static final Set<String> KEY_VARS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

    private Oidc() {}

    /** Whether a step of these asks for an OIDC token (a known action, or the runner's token request variables). */
    static boolean asksForToken(List<Step> steps) {
        return steps.stream()
                .anyMatch(step -> TOKEN_ACTIONS.contains(Actions.name(step.uses()))
                        || step.text("run").contains("ACTIONS_ID_TOKEN_REQUEST")
                        || step.node().path("with").path("script").asText("").contains("getIDToken")
                        || step.job().calls().isPresent());
    }

    static List<String> findings(Repository repository, List<Step> steps) {
        List<String> findings = new ArrayList<>();
        for (Step step : steps) {
            JsonNode with = step.node().path("with");
            KEY_INPUTS.stream()
                    .filter(with::has)
                    .forEach(k -> findings.add(step.where() + ": " + k + " (a long-lived key)"));
            step.node().path("env").fieldNames().forEachRemaining(name -> {
                if (KEY_VARS.contains(name.toUpperCase(Locale.ROOT))) {
                    findings.add(step.where() + ": env " + name + " (a long-lived key)");
                }
            });
            if (setsKey(step)) {
                findings.add(step.where() + ": its script stores an AWS access key (aws configure set)");
            }
        }
        for (Workflow workflow : repository.workflows()) {
            keyEnv(workflow.file(), workflow.root().path("env"), findings);
            workflow.jobs().forEach(job -> keyEnv(job.where(), job.node().path("env"), findings));
            findings.addAll(keySecrets(workflow));
        }
        if (steps.stream().noneMatch(step -> assumesRole(step, Tokens.of(repository, step.job())))) {
            findings.add("no job assumes an AWS role with its OIDC token (configure-aws-credentials with"
                    + " role-to-assume, in a job with id-token: write)");
        }
        return findings.stream().distinct().toList();
    }

    private static boolean setsKey(Step step) {
        String run = step.text("run");
        if (run.isBlank() || !Scripts.of(step, run).readable()) {
            return false;
        }
        for (Shell.Command command : ShellCommands.all(Scripts.of(step, run).read())) {
            List<String> words = command.words().stream()
                    .map(w -> w.text().toLowerCase(Locale.ROOT))
                    .toList();
            if (command.name().equals("aws")
                    && words.contains("configure")
                    && (words.contains("aws_access_key_id") || words.contains("aws_secret_access_key"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean assumesRole(Step step, JsonNode token) {
        JsonNode with = step.node().path("with");
        return Actions.isAwsCredentials(step.uses())
                && with.hasNonNull("role-to-assume")
                && KEY_INPUTS.stream().noneMatch(with::has)
                && Tokens.idTokenWrite(token);
    }

    private static void keyEnv(String where, JsonNode env, List<String> findings) {
        env.fieldNames().forEachRemaining(name -> {
            if (KEY_VARS.contains(name.toUpperCase(Locale.ROOT))) {
                findings.add(where + ": env " + name + " (a long-lived key)");
            }
        });
    }

    /** Secrets named like AWS access keys, read anywhere in a workflow. */
    private static List<String> keySecrets(Workflow workflow) {
        List<String> found = new ArrayList<>();
        Values.strings(workflow.root(), text -> {
            for (Templates.Expression expression : Templates.of(text)) {
                expression
                        .parsed()
                        .ifPresent(expr -> Flow.reads(expr).forEach(path -> {
                            String p = path.text();
                            if (p.startsWith("secrets.")
                                    && p.matches("secrets\\.\\w*(aws\\w*key|access_key_id|secret_access_key)\\w*")) {
                                found.add(workflow.file() + ": reads " + p + " (a long-lived key)");
                            }
                        }));
            }
        });
        return found;
    }
}
