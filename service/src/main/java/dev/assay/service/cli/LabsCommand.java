package dev.assay.service.cli;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Coverage;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Problem;
import dev.assay.service.catalog.Role;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code labs validate [dir]} (exit 1 on any problem), {@code labs list [dir]} (with each lab's number of parameters,
 * "variants"), {@code labs coverage [dir]},
 * {@code labs compose ROLE STAGE [--seeds N] [--seed S] [dir]}: the lab content tools for the hiring team.
 * {@code dir} defaults to {@code labs}.
 */
public class LabsCommand extends Command {

    /** Lab content has problems; the message lists them. */
    public static final class InvalidContentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidContentException(int count) {
            super(count + " problem(s) in the lab content; see above");
        }
    }

    public LabsCommand() {
        super("labs", "Validate, list and measure the lab content");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("action")
                .choices("validate", "list", "coverage", "compose")
                .help("what to do");
        subparser
                .addArgument("args")
                .nargs("*")
                .metavar("ARG")
                .help("[dir] (default: labs); for compose: ROLE STAGE [dir]");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("compose: the (first) seed");
        subparser.addArgument("--seeds").type(Integer.class).help("compose: summarise this many seeds");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        String action = namespace.getString("action");
        List<String> args = namespace.<String>getList("args");
        int named = action.equals("compose") ? 2 : 0;
        if (args.size() < named || args.size() > named + 1) {
            throw new IllegalArgumentException(
                    action.equals("compose")
                            ? "compose: say the role and the stage, e.g. 'labs compose devops-engineer technical [dir]'"
                            : action + ": at most one argument, the labs folder");
        }
        GraderRegistry graders = GraderRegistry.discover();
        LabCatalog catalog = LabCatalog.load(Path.of(args.size() > named ? args.get(named) : "labs"), graders);
        PrintStream out = System.out;
        switch (action) {
            case "validate" -> validate(catalog, out);
            case "list" -> list(catalog, graders, out);
            case "compose" -> compose(catalog, args, namespace, out);
            default ->
                catalog.roles()
                        .forEach(role -> out.print(Coverage.of(role, catalog).table()));
        }
    }

    private static void compose(LabCatalog catalog, List<String> args, Namespace namespace, PrintStream out) {
        ComposeReport report = new ComposeReport(catalog, args.get(0), args.get(1), out);
        Integer seeds = namespace.getInt("seeds");
        long seed = namespace.getLong("seed");
        if (seeds == null) {
            report.one(seed);
        } else if (seeds < 1 || seeds > 1_000_000) {
            throw new IllegalArgumentException("--seeds: give a count from 1 to 1000000, got " + seeds);
        } else {
            report.many(seed, seeds);
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr().println(e.getMessage());
    }

    private static void validate(LabCatalog catalog, PrintStream out) {
        for (Problem problem : catalog.problems()) {
            out.println(problem);
        }
        out.printf(
                "%d lab(s) and %d role(s) valid, %d lab(s) broken, %d problem(s)%n",
                catalog.labs().size(),
                catalog.roles().size(),
                catalog.brokenLabs().size(),
                catalog.problems().size());
        if (!catalog.problems().isEmpty()) {
            throw new InvalidContentException(catalog.problems().size());
        }
    }

    /** The labs, and under each the checks that are advisory (shown, never counted: they rest on the candidate). */
    private static void list(LabCatalog catalog, GraderRegistry graders, PrintStream out) {
        out.printf(
                "%-28s %-14s %-7s %6s %6s %5s %8s  %s%n",
                "lab", "stage", "level", "time", "checks", "pts", "variants", "title");
        for (Lab lab : catalog.labs()) {
            out.printf(
                    Locale.ROOT,
                    "%-28s %-14s %-7s %6s %6d %5.0f %8s  %s%n",
                    lab.id(),
                    lab.stage(),
                    lab.difficulty(),
                    minutes(lab.timeLimit()),
                    lab.checks().size(),
                    lab.points(),
                    lab.parameters().isEmpty()
                            ? "-"
                            : Integer.toString(lab.parameters().parameters().size()),
                    lab.title());
            List<String> advisory = lab.checks().stream()
                    .filter(check -> graders.find(check.grader())
                            .map(g -> g.advisory(check.parameters()))
                            .orElse(false))
                    .map(Lab.Check::id)
                    .toList();
            if (!advisory.isEmpty()) {
                out.printf("%-28s advisory (not counted): %s%n", "", String.join(", ", advisory));
            }
        }
        for (String broken : catalog.brokenLabs()) {
            out.printf("%-28s (not served: run 'labs validate')%n", broken);
        }
        for (Role role : catalog.roles()) {
            out.printf("role %s: %s%n", role.id(), role.title());
        }
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + "m";
    }
}
