package dev.assay.service.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import dev.assay.service.sessions.LabRequests;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bench [all|provision|grade|terminal|idle|status] [--quick] [...]}: Assay's own figures on the local Docker
 * engine, each beside a floor measured in the same run and the target it is held to (README, Performance): cold provision and
 * warm claim, exec round trip, terminal echo, the full grading of a 10-check lab and of real labs, idle sessions and
 * their memory, and the candidate status page under load. A table, then one JSON line. Everything the run starts is
 * labelled with its own instance and removed at the end, on Ctrl-C too ({@link BenchRun}).
 */
public class BenchCommand extends Command {

    public BenchCommand() {
        super("bench", "Measure Assay against bare Docker floors and its targets");
    }

    @Override
    public void configure(Subparser subparser) {
        BenchOptions.configure(subparser);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        BenchOptions options = BenchOptions.of(namespace);
        BenchRun.sweepExpired();
        List<Figure> figures = new ArrayList<>();
        URI host = URI.create(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));
        try (BenchRun run = new BenchRun();
                DockerEnvironmentDriver driver = new DockerEnvironmentDriver(
                        host, run.instance(), Duration.ofSeconds(2), Duration.ofSeconds(60), new ObjectMapper())) {
            say("run " + run.instance() + ": " + options.what());
            measure(options, run, driver, figures);
            System.out.print(BenchReport.table(figures));
            System.out.println(BenchReport.json(options.what(), about(run), figures));
        }
    }

    private static void measure(
            BenchOptions options, BenchRun run, DockerEnvironmentDriver driver, List<Figure> figures) throws Exception {
        if (options.wants("provision")) {
            say("cold provision and exec, " + options.rounds() + " rounds");
            figures.addAll(ProvisionBench.run(driver, run, options.image(), options.rounds()));
            say("warm claims, " + options.rounds() + " rounds");
            figures.add(WarmClaimBench.run(driver, run, options.image(), options.rounds()));
        }
        if (options.wants("terminal")) {
            say("terminal echo, " + Math.max(20, options.rounds() * 10) + " keystrokes");
            figures.add(TerminalBench.run(driver, run, options.image(), Math.max(20, options.rounds() * 10)));
        }
        if (options.wants("grade")) {
            say("full grade of a 10-check lab, " + options.rounds() + " rounds");
            figures.add(GradeBench.run(driver, run, options.image(), options.rounds()));
            List<Lab> labs = LabGradeBench.select(catalog(options), options.labs());
            say("full grade of " + labs.size() + " labs, " + options.labRounds() + " rounds each");
            figures.addAll(LabGradeBench.run(driver, run, labs, options.labRounds()));
        }
        if (options.wants("idle")) {
            Lab lab = LabGradeBench.select(catalog(options), List.of(options.idleLab()))
                    .get(0);
            say(options.idle() + " idle sessions of " + lab.id());
            figures.addAll(IdleBench.run(
                    driver, session -> LabRequests.of(lab, session, run.expiresAt()), lab.id(), options.idle()));
        }
        if (options.wants("status")) {
            say("candidate status page under load, " + options.loadSeconds() + " s");
            figures.add(StatusBench.run(
                    run, options.config(), options.labsDir(), Duration.ofSeconds(options.loadSeconds())));
        }
    }

    private static LabCatalog catalog(BenchOptions options) {
        if (!java.nio.file.Files.isDirectory(options.labsDir())) {
            throw new IllegalArgumentException("--labs-dir: no lab folder at "
                    + options.labsDir().toAbsolutePath() + " (run the bench from the checkout, as ./assay bench does)");
        }
        return LabCatalog.load(options.labsDir(), GraderRegistry.discover());
    }

    /** The run's name, date and machine, for the JSON line. */
    private static Map<String, Object> about(BenchRun run) throws IOException {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("run", run.instance());
        about.put("at", Instant.now().toString());
        about.put("cores", Runtime.getRuntime().availableProcessors());
        about.put(
                "memory_mib",
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/meminfo"))
                                .lines()
                                .filter(l -> l.startsWith("MemTotal:"))
                                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                                .findFirst()
                                .orElse(0L)
                        / 1024);
        return about;
    }

    private static void say(String what) {
        System.err.println("bench: " + what);
    }

    static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }
}
