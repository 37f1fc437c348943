package dev.assay.service.labs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the self-test prints: a line per case as it ends ({@code selftest: <lab> | <case> | pass}, what
 * {@code ./assay labs selftest} shows while it runs), then a table of every grading run (setup and grading times,
 * scores), one of the transfer runs (seed A's solution in seed B's lab: its share of the points and the gates it
 * failed) and one of every lab's cases passed and failed, with each failure's first line. The tables are also written
 * to {@code target/lab-selftest.txt} for the launcher to show again at the end.
 */
final class SelfTestReport {
    private static final List<String> RUNS = Collections.synchronizedList(new ArrayList<>());
    private static final List<Outcome> OUTCOMES = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> TRANSFERS = Collections.synchronizedList(new ArrayList<>());

    private record Outcome(String lab, String name, String failure) {}

    private SelfTestReport() {}

    static void run(String lab, String label, Object seed, long setupMs, long gradeMs, double score, double ofAll) {
        RUNS.add(String.format(
                Locale.ROOT,
                "%-24s %-26s %20s %9d %9d %6.0f%% %6.0f%%",
                lab,
                label.length() > 26 ? label.substring(0, 26) : label,
                seed,
                setupMs,
                gradeMs,
                100 * score,
                100 * ofAll));
    }

    /** A transfer run: seed A's solution in seed B's lab, the gates it failed and its share of the points. */
    static void transfer(String lab, long seedA, long seedB, List<String> gatesFailed, double share) {
        TRANSFERS.add(String.format(
                Locale.ROOT,
                "%-24s %20d %20d %6.0f%%  %s",
                lab,
                seedA,
                seedB,
                100 * share,
                gatesFailed.isEmpty() ? "(none)" : String.join(", ", gatesFailed)));
    }

    /** A case ended: {@code failure} null when it passed. */
    static void outcome(String lab, String name, @org.jspecify.annotations.Nullable Throwable failure) {
        String first = "";
        if (failure != null) {
            String message = String.valueOf(failure.getMessage()).strip();
            first = message.lines().findFirst().orElse(failure.getClass().getSimpleName());
            first = first.length() > 300 ? first.substring(0, 300) + "..." : first;
        }
        OUTCOMES.add(new Outcome(lab, name, first));
        System.out.println("selftest: " + lab + " | " + name + " | " + (failure == null ? "pass" : "FAIL: " + first));
    }

    /** Prints both tables and writes them to {@code target/lab-selftest.txt}. */
    static void print(String seedProperty) {
        StringBuilder out = new StringBuilder();
        out.append("\nlab self-test (setup: provisioning and setup steps; grade: final grading; score: of the counted")
                .append(" points; of all: of every point, advisory checks included; seed: the assessment's, for a lab")
                .append(" with parameters: replay with -D")
                .append(seedProperty)
                .append("=<seed>, or ./assay labs selftest --seed <seed> <lab>)\n");
        out.append(String.format(
                Locale.ROOT,
                "%-24s %-26s %20s %9s %9s %7s %7s%n",
                "lab",
                "case",
                "seed",
                "setup ms",
                "grade ms",
                "score",
                "of all"));
        synchronized (RUNS) {
            RUNS.stream()
                    .sorted(Comparator.comparing(line -> line.substring(0, 24)))
                    .forEach(line -> out.append(line).append('\n'));
        }
        transfers(out);
        outcomes(out);
        System.out.print(out);
        try {
            Path file = Path.of("target", "lab-selftest.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void transfers(StringBuilder out) {
        if (!TRANSFERS.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%ntransfer: seed A's reference solution in a lab of seed B%n%-24s %20s %20s %7s  %s%n",
                    "lab",
                    "seed A",
                    "seed B",
                    "of all",
                    "gates failed"));
            synchronized (TRANSFERS) {
                TRANSFERS.stream().sorted().forEach(line -> out.append(line).append('\n'));
            }
        }
    }

    private static void outcomes(StringBuilder out) {
        Map<String, int[]> perLab = new TreeMap<>();
        List<Outcome> failed = new ArrayList<>();
        synchronized (OUTCOMES) {
            for (Outcome outcome : OUTCOMES) {
                int[] counts = perLab.computeIfAbsent(outcome.lab(), lab -> new int[2]);
                counts[outcome.failure().isEmpty() ? 0 : 1]++;
                if (!outcome.failure().isEmpty()) {
                    failed.add(outcome);
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%n%-24s %7s %7s%n", "lab", "passed", "failed"));
        perLab.forEach(
                (lab, counts) -> out.append(String.format(Locale.ROOT, "%-24s %7d %7d%n", lab, counts[0], counts[1])));
        failed.sort(Comparator.comparing(Outcome::lab).thenComparing(Outcome::name));
        failed.forEach(f -> out.append("FAILED ")
                .append(f.lab())
                .append(" | ")
                .append(f.name())
                .append(": ")
                .append(f.failure())
                .append('\n'));
    }
}
