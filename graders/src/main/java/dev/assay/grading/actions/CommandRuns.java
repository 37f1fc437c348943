package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The runs rule (a job runs a command, in a run step that can run) and the failOnError rule (and a failure of
 * that command fails the job). Commands are matched on the shell's words, so a command in a comment, in an echo
 * or in a string is not run; a step or job that can never run does not count.
 */
final class CommandRuns {
    private static final java.util.regex.Pattern BAR = java.util.regex.Pattern.compile("\\|");
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    private CommandRuns() {}

    /** A command found in a step: the statement that holds it and where. */
    record Found(Step step, Scripts scripts, Shell.Script script, int statement, int pipeline, int command) {}

    static List<String> findings(
            Repository repository,
            Reachability reach,
            Map<String, String> wanted,
            boolean failOnError,
            List<Step> steps) {
        List<String> findings = new ArrayList<>();
        wanted.forEach((jobId, alternatives) -> {
            List<Workflow.Job> jobs = repository.graded().stream()
                    .flatMap(w -> w.job(jobId).stream())
                    .toList();
            if (jobs.isEmpty()) {
                findings.add("there is no job " + jobId);
                return;
            }
            String problem = problem(jobs, reach, alternatives, failOnError, steps);
            if (problem != null) {
                findings.add(problem);
            }
        });
        return findings;
    }

    private static @Nullable String problem(
            List<Workflow.Job> jobs, Reachability reach, String alternatives, boolean failOnError, List<Step> steps) {
        List<Found> found = new ArrayList<>();
        for (Workflow.Job job : jobs) {
            if (reach.scenarios(job.workflow()).stream().allMatch(s -> reach.runs(job, s, false) == Tri.FALSE)) {
                continue;
            }
            steps.stream()
                    .filter(s -> s.job().equals(job) && canRun(s, reach))
                    .forEach(s -> found.addAll(matches(s, alternatives)));
        }
        String where = jobs.get(0).where();
        if (found.isEmpty()) {
            return where + " does not run " + alternatives + " (in a run step that can run)";
        }
        if (!failOnError) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        for (Found f : found) {
            String reason = FailurePath.reason(f);
            if (reason == null) {
                return null;
            }
            reasons.add(f.step().where() + ": " + reason);
        }
        return where + " runs " + alternatives + ", but a failure would not fail the job: "
                + String.join("; ", reasons);
    }

    private static boolean canRun(Step step, Reachability reach) {
        return reach.scenarios(step.job().workflow()).stream()
                .anyMatch(s -> Condition.evaluate(step.node().path("if"), s) != Tri.FALSE);
    }

    private static List<Found> matches(Step step, String alternatives) {
        String run = step.text("run");
        List<Found> found = new ArrayList<>();
        if (run.isBlank()) {
            return found;
        }
        Scripts scripts = Scripts.of(step, run);
        if (!scripts.readable()) {
            return found;
        }
        Shell.Script script = scripts.read();
        for (int i = 0; i < script.statements().size(); i++) {
            Shell.Statement statement = script.statements().get(i);
            for (int p = 0; p < statement.pipelines().size(); p++) {
                List<Shell.Command> commands = statement.pipelines().get(p).commands();
                for (int c = 0; c < commands.size(); c++) {
                    if (!statement.inFunction() && matches(commands.get(c), alternatives)) {
                        found.add(new Found(step, scripts, script, i, p, c));
                    }
                }
            }
        }
        return found;
    }

    /** Whether the command's words start with the words of one of the alternatives (separated by |). */
    static boolean matches(Shell.Command command, String alternatives) {
        List<String> words = command.words().stream().map(Shell.Word::text).toList();
        for (String alternative : BAR.split(alternatives, -1)) {
            List<String> wanted = List.of(BLANKS.split(alternative.strip()));
            if (!wanted.get(0).isEmpty()
                    && words.size() >= wanted.size()
                    && words.subList(0, wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
