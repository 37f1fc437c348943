package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a failing command fails its step and job, as bash or sh would run the script: {@code -e} (the runner's
 * default {@code bash -e}, {@code sh -e}) stops at a failing command unless it is a condition, negated, left of
 * {@code &&}/{@code ||} or not the last of a pipeline without {@code pipefail} ({@code shell: bash} adds it);
 * without {@code -e} only the last command decides. {@code continue-on-error} on the step or job, or a trailing
 * {@code || true}, swallow the failure.
 */
final class FailurePath {
    private FailurePath() {}

    /** Null when a failure propagates, else why not. */
    static @Nullable String reason(CommandRuns.Found found) {
        String swallowed = continueOnError(found.step());
        if (swallowed != null) {
            return swallowed;
        }
        Shell.Statement statement = found.script().statements().get(found.statement());
        Options options = options(found);
        if (options.exited) {
            return "an earlier exit ends the script before it";
        }
        if (statement.condition()) {
            return "it is the condition of an if/while, which -e does not stop at";
        }
        if (statement.background()) {
            return "it runs in the background (&)";
        }
        Shell.Pipeline pipeline = statement.pipelines().get(found.pipeline());
        if (pipeline.negated()) {
            return "it is negated with !";
        }
        if (found.command() < pipeline.commands().size() - 1 && !options.pipefail) {
            return "it is piped into `"
                    + pipeline.commands().get(pipeline.commands().size() - 1).name()
                    + "` without pipefail, so the pipe takes that command's status";
        }
        return andOr(found, statement, options.errexit);
    }

    private static @Nullable String continueOnError(Step step) {
        for (JsonNode flag :
                List.of(step.node().path("continue-on-error"), step.job().node().path("continue-on-error"))) {
            if ((flag.isBoolean() && flag.asBoolean())
                    || (flag.isTextual() && !flag.asText().equals("false"))) {
                return "continue-on-error is set" + (flag.isTextual() ? " (to " + flag.asText() + ")" : "");
            }
        }
        return null;
    }

    private static @Nullable String andOr(CommandRuns.Found found, Shell.Statement statement, boolean errexit) {
        List<String> operators = statement.operators();
        int p = found.pipeline();
        for (int k = p; k < operators.size(); k++) {
            if (operators.get(k).equals("||")) {
                Shell.Pipeline handler = statement.pipelines().get(k + 1);
                if (!fails(handler)) {
                    return "a failure is handled by `|| "
                            + handler.commands().get(0).name() + "`";
                }
                return null;
            }
        }
        boolean last = found.statement() == lastStatement(found.script());
        boolean inList = p < operators.size();
        if (last || (errexit && !inList)) {
            return null;
        }
        return inList
                ? "it is left of && and commands after it decide the step's status"
                : "the shell does not stop at a failing command here (no -e) and later commands decide the step's"
                        + " status";
    }

    /** Whether a handler after || fails the script: exit with a non-zero status, false, or return non-zero. */
    private static boolean fails(Shell.Pipeline handler) {
        if (handler.commands().isEmpty()) {
            return false;
        }
        Shell.Command command = handler.commands().get(handler.commands().size() - 1);
        String name = command.name();
        List<Shell.Word> args = command.args();
        if (name.equals("false")) {
            return true;
        }
        return (name.equals("exit") || name.equals("return"))
                && !args.isEmpty()
                && !args.get(0).text().equals("0");
    }

    private static int lastStatement(Shell.Script script) {
        for (int i = script.statements().size() - 1; i >= 0; i--) {
            if (!script.statements().get(i).inFunction()) {
                return i;
            }
        }
        return -1;
    }

    private record Options(boolean errexit, boolean pipefail, boolean exited) {}

    /** The shell's -e and pipefail at the found statement, from the shell and the set commands before it. */
    private static Options options(CommandRuns.Found found) {
        boolean errexit = found.scripts().errexit();
        boolean pipefail = found.scripts().pipefail();
        boolean exited = false;
        List<Shell.Statement> statements = found.script().statements();
        for (int i = 0; i < found.statement(); i++) {
            Shell.Statement s = statements.get(i);
            if (s.inFunction() || s.condition()) {
                continue;
            }
            for (Shell.Pipeline pipeline : s.pipelines()) {
                for (Shell.Command command : pipeline.commands()) {
                    if (command.name().equals("set")) {
                        errexit = SetOptions.flag(command.args(), 'e', "errexit", errexit);
                        pipefail = SetOptions.flag(command.args(), '\0', "pipefail", pipefail);
                    }
                    exited |= command.name().equals("exit")
                            && s.operators().isEmpty()
                            && s.pipelines().size() == 1;
                }
            }
        }
        return new Options(errexit, pipefail, exited);
    }
}
