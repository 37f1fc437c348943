package dev.assay.service.grading;

import dev.assay.service.environment.EnvironmentException;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /tasks/grade?session=N} on the admin port (loopback only by default): grades a running session
 * now and prints one line per check, storing nothing. {@code ./assay grade N} calls it.
 */
public final class GradeTask extends Task {
    private final Grading grading;

    public GradeTask(Grading grading) {
        super("grade");
        this.grading = grading;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> session = parameters.getOrDefault("session", List.of());
        if (session.size() != 1 || !session.get(0).matches("\\d{1,18}")) {
            output.println("say which lab session: POST /tasks/grade?session=<id> (./assay grade <id>)");
            return;
        }
        long id = Long.parseLong(session.get(0));
        List<CheckOutcome> outcomes;
        try {
            outcomes = grading.inspect(id);
        } catch (EnvironmentException | dev.assay.service.core.NotFound e) {
            output.println("cannot grade lab session " + id + ": " + e.getMessage());
            return;
        }
        output.printf(Locale.ROOT, "%-24s %-8s %-8s %6s  %s%n", "check", "status", "counts", "points", "message");
        double earned = 0;
        double counted = 0;
        for (CheckOutcome outcome : outcomes) {
            double points = outcome.check().points();
            boolean counts = outcome.counts();
            if (counts) {
                counted += points;
                earned += points * outcome.result().verdict().credit().orElse(0.0);
            }
            output.printf(
                    Locale.ROOT,
                    "%-24s %-8s %-8s %6.1f  %s%n",
                    outcome.check().id(),
                    outcome.result().verdict().status(),
                    counts ? "yes" : outcome.result().trusted() ? "no" : "advisory",
                    points,
                    outcome.result().message().replace('\n', ' '));
        }
        output.printf(Locale.ROOT, "%.1f of %.1f counted points (nothing stored)%n", earned, counted);
    }
}
