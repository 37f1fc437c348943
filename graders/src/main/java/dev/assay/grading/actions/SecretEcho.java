package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The noSecretEcho rule: no step prints a secret, in any form a shell would reveal it. */
final class SecretEcho {
    private SecretEcho() {}

    static List<String> findings(List<Step> steps) {
        List<String> findings = new ArrayList<>();
        for (Step step : steps) {
            String run = step.text("run");
            if (!run.isBlank()) {
                run(Scripts.of(step, run), findings);
            }
            if (Actions.isGithubScript(step.uses())) {
                javascript(
                        Scripts.of(step, step.node().path("with").path("script").asText("")), findings);
            }
            if (step.uses().startsWith("docker://")) {
                String args = step.node().path("with").path("args").asText("");
                if (!Scripts.of(step, args).markers(Source.Kind.SECRET).isEmpty()) {
                    findings.add(step.where() + ": hands a secret to a container's entrypoint as args; the grader"
                            + " cannot judge what that prints");
                }
            }
        }
        return findings;
    }

    private static void run(Scripts scripts, List<String> findings) {
        Set<Integer> markers = scripts.markers(Source.Kind.SECRET);
        Set<String> vars = scripts.vars(Source.Kind.SECRET);
        if (!scripts.readable()) {
            if (!markers.isEmpty() || scripts.mentions(vars)) {
                findings.add(scripts.step().where() + ": a " + scripts.program()
                        + " script that uses a secret; the grader reads only bash and sh, so it cannot judge it");
            }
            return;
        }
        ShellTaint taint = new ShellTaint(vars, markers, scripts.expressionTexts(), scripts.tracedFromStart());
        new ShellSecrets(taint, findings, scripts.step().where()).script(scripts.read(), false);
    }

    private static void javascript(Scripts scripts, List<String> findings) {
        Set<String> vars = scripts.vars(Source.Kind.SECRET);
        if (!scripts.markers(Source.Kind.SECRET).isEmpty() || scripts.mentions(vars)) {
            findings.add(scripts.step().where() + ": its script (JavaScript) uses a secret; the grader cannot judge"
                    + " what JavaScript prints");
        }
    }
}
