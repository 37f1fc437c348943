package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The noInjection rule: no value an outsider can shape (see {@link Source}) is expanded by {@code ${{ }}} into a
 * script ({@code run}, or {@code script} of actions/github-script), where it would be code; and no environment
 * variable holding one is handed to eval or a nested shell. Passing it through {@code env:} and quoting
 * {@code "$VAR"} in the script is the documented fix, and passes.
 */
final class Injection {
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");

    private Injection() {}

    static List<String> findings(Repository repository, List<Step> steps) {
        List<String> findings = new ArrayList<>();
        for (Step step : steps) {
            String run = step.text("run");
            if (!run.isBlank()) {
                Scripts scripts = Scripts.of(step, run);
                expressions(scripts, "its script", findings);
                if (scripts.readable()) {
                    handedToEval(scripts, findings);
                }
            }
            if (Actions.isGithubScript(step.uses())) {
                String script = step.node().path("with").path("script").asText("");
                expressions(Scripts.of(step, script), "its JavaScript", findings);
            }
        }
        findings.addAll(Unread.findings(repository, steps));
        return findings;
    }

    private static void expressions(Scripts scripts, String what, List<String> findings) {
        for (int n : scripts.markers(Source.Kind.UNTRUSTED)) {
            Templates.Expression expression = scripts.expressions().get(n);
            List<String> sources = Sources.of(
                            expression,
                            scripts.step().env(),
                            scripts.step().inputs(),
                            scripts.step().inComposite())
                    .stream()
                    .filter(s -> s.kind() == Source.Kind.UNTRUSTED)
                    .map(Source::path)
                    .distinct()
                    .toList();
            findings.add(scripts.step().where() + ": ${{ " + expression.text() + " }} expands " + sources + " into "
                    + what + " (pass it through env: and quote \"$VAR\")");
        }
    }

    private static void handedToEval(Scripts scripts, List<String> findings) {
        Set<String> vars = scripts.vars(Source.Kind.UNTRUSTED);
        if (vars.isEmpty()) {
            return;
        }
        for (Shell.Command command : ShellCommands.all(scripts.read())) {
            String name = command.name();
            boolean evaluates = name.equals("eval")
                    || name.equals("source")
                    || name.equals(".")
                    || (SHELLS.contains(name)
                            && command.args().stream().anyMatch(a -> a.text().matches("-[a-z]*c[a-z]*")));
            boolean tainted =
                    command.args().stream().anyMatch(a -> a.vars().stream().anyMatch(v -> vars.contains(v.name())));
            if (evaluates && tainted) {
                findings.add(scripts.step().where() + ": `" + name + "` runs text from " + vars
                        + ", which an outsider can shape, as code");
            }
        }
    }
}
