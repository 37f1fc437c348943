package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A step's script as the shell will get it: which shell, which expressions and variables carry what. */
record Scripts(Step step, String script, String shell, List<Templates.Expression> expressions) {

    static Scripts of(Step step, String script) {
        String own = step.text("shell").strip();
        return new Scripts(step, script, own.isEmpty() ? step.shell().strip() : own, Templates.of(script));
    }

    private List<String> words() {
        return List.of(java.util.regex.Pattern.compile("\\s+").split(shell));
    }

    /** The shell's program name: "bash" for the runner's default. */
    String program() {
        if (shell.isEmpty()) {
            return "bash";
        }
        String first = words().get(0);
        return first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** bash and POSIX shells, which the grader reads; pwsh, python, cmd and the like it cannot. */
    boolean readable() {
        return Set.of("bash", "sh", "dash", "ash", "zsh", "ksh").contains(program());
    }

    /** A custom template such as {@code bash -x {0}} traces every command from the start. */
    boolean tracedFromStart() {
        return words().stream().skip(1).anyMatch(w -> w.matches("-[a-zA-Z]*x[a-zA-Z]*"));
    }

    /** A custom template without {@code -e} (such as {@code bash {0}}) does not stop at a failing command. */
    boolean errexit() {
        if (shell.isEmpty() || Set.of("bash", "sh").contains(shell)) {
            return true;
        }
        return words().stream().skip(1).anyMatch(w -> w.matches("-[a-zA-Z]*e[a-zA-Z]*"));
    }

    /** {@code shell: bash} runs {@code bash -eo pipefail}; the default and {@code sh} have no pipefail. */
    boolean pipefail() {
        return shell.equals("bash") || shell.contains("pipefail");
    }

    /** Indexes (in {@link #expressions}) of the expressions whose value can carry a source of this kind. */
    Set<Integer> markers(Source.Kind kind) {
        Set<Integer> markers = new LinkedHashSet<>();
        for (int n = 0; n < expressions.size(); n++) {
            if (Sources.of(expressions.get(n), step.env(), step.inputs(), step.inComposite()).stream()
                    .anyMatch(s -> s.kind() == kind)) {
                markers.add(n);
            }
        }
        return markers;
    }

    /** Environment variables whose value can carry a source of this kind. */
    Set<String> vars(Source.Kind kind) {
        Set<String> vars = new LinkedHashSet<>();
        for (Map.Entry<String, Set<Source>> e : step.env().entrySet()) {
            if (e.getValue().stream().anyMatch(s -> s.kind() == kind)) {
                vars.add(e.getKey());
            }
        }
        return vars;
    }

    Shell.Script read() {
        return ShellReader.read(Templates.marked(script), 0);
    }

    List<String> expressionTexts() {
        List<String> texts = new ArrayList<>();
        expressions.forEach(e -> texts.add(e.text()));
        return texts;
    }

    /** Whether the script mentions any of these variable names as a word (for scripts the grader cannot read). */
    boolean mentions(Set<String> names) {
        return names.stream().anyMatch(n -> script.matches("(?s).*\\b" + java.util.regex.Pattern.quote(n) + "\\b.*"));
    }
}
