package dev.assay.service.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jspecify.annotations.Nullable;

/** What {@code bench} was asked to measure, and how much; {@code --quick} lowers the defaults, never a given value. */
record BenchOptions(
        String what,
        int rounds,
        int labRounds,
        List<String> labs,
        int idle,
        String idleLab,
        int loadSeconds,
        String image,
        Path labsDir,
        Path config) {

    static final List<String> WHATS = List.of("all", "provision", "grade", "terminal", "idle", "status");

    boolean wants(String part) {
        return what.equals("all") || what.equals(part);
    }

    static void configure(Subparser subparser) {
        subparser
                .addArgument("what")
                .nargs("?")
                .choices(WHATS)
                .setDefault("all")
                .help("what to measure (default all)");
        subparser
                .addArgument("--quick")
                .action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("a quick run: 3 rounds, 1 per lab, 10 idle sessions, 3 s of load");
        subparser.addArgument("--rounds").type(Integer.class).help("provisions, claims and gradings to time (10)");
        subparser.addArgument("--lab-rounds").type(Integer.class).help("gradings of each lab (5)");
        subparser.addArgument("--labs").help("the container labs to grade, comma-separated (default: all)");
        subparser.addArgument("--idle").type(Integer.class).help("idle sessions to start (100)");
        subparser.addArgument("--idle-lab").setDefault("linux-web-outage").help("the lab idle sessions run");
        subparser.addArgument("--load-seconds").type(Integer.class).help("seconds of load on the status page (10)");
        subparser.addArgument("--image").setDefault("assay/workbench:latest").help("the image of the plain labs");
        subparser.addArgument("--labs-dir").setDefault("labs").help("the lab content folder");
        subparser.addArgument("--config").setDefault("service/config.yml").help("the service configuration");
    }

    static BenchOptions of(Namespace namespace) {
        boolean quick = Boolean.TRUE.equals(namespace.getBoolean("quick"));
        String labs = namespace.getString("labs");
        return new BenchOptions(
                namespace.getString("what"),
                positive("--rounds", namespace.getInt("rounds"), quick ? 3 : 10),
                positive("--lab-rounds", namespace.getInt("lab_rounds"), quick ? 1 : 5),
                labs == null
                        ? List.of()
                        : Arrays.stream(labs.split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList(),
                positive("--idle", namespace.getInt("idle"), quick ? 10 : 100),
                namespace.getString("idle_lab"),
                positive("--load-seconds", namespace.getInt("load_seconds"), quick ? 3 : 10),
                namespace.getString("image"),
                Path.of(namespace.getString("labs_dir")),
                Path.of(namespace.getString("config")));
    }

    private static int positive(String option, @Nullable Integer given, int otherwise) {
        if (given == null) {
            return otherwise;
        }
        if (given < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + given);
        }
        return given;
    }
}
