package dev.assay.grading.actions;

import java.util.List;
import java.util.Set;

/**
 * Follows secrets through one shell script: variables that hold them, what each command makes of its arguments
 * and standard input, and where its output goes. A secret that reaches the log (standard output or error, the job
 * summary) in any form is a finding, as is a command traced by {@code set -x} with a secret in it; what the
 * script hands a secret to that the grader cannot follow (eval, sh -c, a shell function) is a finding too, saying
 * so. Programs the secret is handed to as an argument or on standard input are trusted with it.
 */
final class ShellSecrets {
    private static final Set<String> PRINTERS = Set.of("echo", "printf", "print");
    private static final Set<String> TRANSFORMERS = Set.of(
            "base64",
            "base32",
            "basenc",
            "xxd",
            "od",
            "hexdump",
            "rev",
            "tr",
            "sed",
            "awk",
            "gawk",
            "cut",
            "head",
            "tail",
            "fold",
            "tee",
            "sort",
            "uniq",
            "grep",
            "egrep",
            "fgrep",
            "column",
            "paste",
            "nl",
            "expand",
            "jq",
            "yq",
            "iconv",
            "dd",
            "strings",
            "cat",
            "tac",
            "fmt",
            "pr",
            "envsubst",
            "openssl",
            "gzip",
            "xargs");
    private static final Set<String> DECLARERS = Set.of("export", "local", "declare", "typeset", "readonly");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");
    private static final Set<String> INTERPRETERS =
            Set.of("python", "python3", "node", "perl", "ruby", "php", "pwsh", "deno", "bun");

    private final ShellTaint taint;
    private final List<String> findings;
    private final String where;

    ShellSecrets(ShellTaint taint, List<String> findings, String where) {
        this.taint = taint;
        this.findings = findings;
        this.where = where;
    }

    /** Reads a script; true when its output (captured or not) carries a secret. */
    boolean script(Shell.Script script, boolean captured) {
        taint.functions().addAll(script.functions());
        boolean output = false;
        for (Shell.Statement statement : script.statements()) {
            if (statement.keyword().equals("for")) {
                forLoop(statement);
                continue;
            }
            for (Shell.Pipeline pipeline : statement.pipelines()) {
                output |= pipeline(pipeline, captured);
            }
        }
        return output;
    }

    private void forLoop(Shell.Statement statement) {
        List<Shell.Word> words = statement.pipelines().get(0).commands().get(0).words();
        if (words.size() > 1 && words.stream().skip(2).anyMatch(this::tainted)) {
            taint.vars().add(words.get(1).text());
        }
    }

    private boolean pipeline(Shell.Pipeline pipeline, boolean captured) {
        boolean stdin = false;
        boolean output = false;
        List<Shell.Command> commands = pipeline.commands();
        for (int k = 0; k < commands.size(); k++) {
            Shell.Command command = commands.get(k);
            boolean out = command(command, stdin || heredocTainted(command));
            String target = Redirected.stdout(command);
            boolean last = k == commands.size() - 1;
            boolean shown = captured ? Redirected.escapesCapture(target) : Redirected.toLog(target);
            if (out && shown && (last || !target.isEmpty())) {
                findings.add(where + ": `" + taint.show(commands) + "` prints a secret");
            }
            if (out && !target.isEmpty() && !target.startsWith("&")) {
                taint.files().add(target);
            }
            if (out && command.name().equals("tee")) {
                command.args().stream()
                        .filter(a -> !a.text().startsWith("-"))
                        .forEach(a -> taint.files().add(a.text()));
            }
            stdin = out && target.isEmpty();
            output |= last && out && target.isEmpty();
        }
        return output;
    }

    private boolean heredocTainted(Shell.Command command) {
        for (Shell.Redirect redirect : command.redirects()) {
            Shell.Heredoc heredoc = redirect.heredoc();
            if (heredoc != null
                    && (taint.marked(heredoc.body())
                            || heredoc.vars().stream()
                                    .anyMatch(v -> v.value() && taint.vars().contains(v.name()))
                            || heredoc.substitutions().stream().anyMatch(this::substitution))) {
                return true;
            }
        }
        return false;
    }

    /** What one command does with secrets; true when its standard output carries one. */
    private boolean command(Shell.Command command, boolean stdin) {
        command.assignments().forEach(this::assign);
        String name = command.name();
        List<Shell.Word> args = command.args();
        boolean argsTainted = args.stream().anyMatch(this::tainted);
        if (DECLARERS.contains(name)) {
            args.stream().filter(a -> ShellReader.isAssignment(a.raw())).forEach(this::assign);
        }
        if (name.equals("read") && stdin) {
            args.stream()
                    .filter(a -> !a.text().startsWith("-"))
                    .forEach(a -> taint.vars().add(a.text()));
        }
        if (name.equals("set")) {
            taint.set(args);
        }
        if (taint.xtrace() && (argsTainted || command.assignments().stream().anyMatch(this::tainted))) {
            findings.add(where + ": `" + taint.show(command) + "` runs under set -x, which prints it with the secret");
        }
        boolean indirect = command.words().stream()
                .anyMatch(w -> w.vars().stream().anyMatch(v -> v.name().startsWith("!")));
        if (indirect && taint.any()) {
            findings.add(where + ": `" + taint.show(command) + "` expands a variable indirectly (${!name}); the grader"
                    + " cannot tell whether it names a secret, so it cannot judge what it prints");
        }
        if (argsTainted && cannotFollow(name, args)) {
            findings.add(where + ": `" + taint.show(command) + "` hands a secret to code the grader cannot follow"
                    + " (eval, a nested shell or interpreter, a shell function), so it cannot judge what it prints");
        }
        return output(name, args, argsTainted, stdin);
    }

    private boolean cannotFollow(String name, List<Shell.Word> args) {
        return taint.functions().contains(name)
                || name.equals("eval")
                || name.equals("source")
                || name.equals(".")
                || (SHELLS.contains(name)
                        && args.stream().anyMatch(a -> a.text().matches("-[a-z]*c[a-z]*")))
                || (INTERPRETERS.contains(name)
                        && args.stream().anyMatch(a -> a.text().matches("-[a-zA-Z]*[ceEpr]")));
    }

    private boolean output(String name, List<Shell.Word> args, boolean argsTainted, boolean stdin) {
        List<Shell.Word> operands =
                args.stream().filter(a -> !a.text().startsWith("-")).toList();
        if (PRINTERS.contains(name)) {
            return argsTainted
                    && !(operands.size() > 0 && operands.get(0).text().startsWith("::add-mask::"));
        }
        if (name.equals("printenv")) {
            return operands.isEmpty()
                    ? taint.any()
                    : operands.stream().anyMatch(a -> taint.vars().contains(a.text()));
        }
        if (name.equals("env") && operands.stream().allMatch(a -> ShellReader.isAssignment(a.raw()))) {
            return taint.any();
        }
        boolean declares = name.equals("export") || name.equals("declare") || name.equals("typeset");
        if ((declares && operands.isEmpty()) || (name.equals("set") && args.isEmpty())) {
            return taint.any();
        }
        if (args.stream().anyMatch(a -> a.text().matches("/proc/[^/]+/environ"))) {
            return taint.any();
        }
        if (TRANSFORMERS.contains(name)) {
            boolean file = args.stream().anyMatch(a -> taint.files().contains(a.text()));
            return stdin || file || (argsTainted && !name.equals("cat"));
        }
        return false;
    }

    private void assign(Shell.Word assignment) {
        String raw = assignment.raw();
        String name = raw.substring(0, raw.indexOf('=')).replace("+", "").replaceAll("\\[.*", "");
        if (tainted(assignment)) {
            taint.vars().add(name);
        }
    }

    boolean tainted(Shell.Word word) {
        return taint.marked(word.raw())
                || word.vars().stream().anyMatch(v -> v.value() && taint.vars().contains(v.name()))
                || word.substitutions().stream().anyMatch(this::substitution);
    }

    private boolean substitution(Shell.Script script) {
        return new ShellSecrets(taint, findings, where).script(script, true);
    }
}
