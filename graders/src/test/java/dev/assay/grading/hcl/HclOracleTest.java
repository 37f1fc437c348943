package dev.assay.grading.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.hcl.HclCorpus.CorpusFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: on every corpus file ({@link HclCorpus}), Assay's reader and HashiCorp's parser (the oracle)
 * must both accept or both refuse, and when they accept, read the same tree ({@link HclCanonical}). Known
 * disagreements are listed, each with why, in hcl-corpus-disagreements.txt. Prints agreement and speed.
 */
@DisplayName("Assay's HCL reader accepts, refuses and reads what HashiCorp's HCL parser does")
class HclOracleTest {
    private static final int ROUNDS = 5;
    private static final int PROCESS_SAMPLE = 30;

    @TempDir
    Path dir;

    @Test
    @DisplayName("on a corpus of hand-written and mutated files, accept/refuse and the values read agree")
    void agreesWithHashiCorpsParser() throws Exception {
        Path oracle = HclOracle.binary();
        List<CorpusFile> corpus = HclCorpus.files();
        List<Path> paths = new ArrayList<>();
        for (CorpusFile file : corpus) {
            paths.add(Files.write(dir.resolve(file.name()), file.bytes()));
        }
        List<JsonNode> verdicts = HclOracle.parse(oracle, paths);
        assertThat(verdicts).hasSameSizeAs(corpus);

        Map<String, String> known = knownDisagreements();
        List<String> unexpected = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        int agreed = 0;
        for (int i = 0; i < corpus.size(); i++) {
            String disagreement = compare(corpus.get(i), verdicts.get(i));
            if (verdicts.get(i).get("ok").asBoolean()) {
                accepted++;
            } else {
                refused++;
            }
            if (disagreement.isEmpty()) {
                agreed++;
            } else if (!known.containsKey(corpus.get(i).name())) {
                unexpected.add(corpus.get(i).name() + ": " + disagreement);
            }
        }
        String figures = figures(corpus, verdicts, oracle, paths, accepted, refused, agreed);
        System.out.println(figures);
        Files.writeString(Path.of("target", "hcl-oracle-figures.txt"), figures);

        assertThat(corpus).as("corpus size").hasSizeGreaterThanOrEqualTo(500);
        assertThat(accepted).as("files HCL accepts").isGreaterThan(200);
        assertThat(refused).as("files HCL refuses").isGreaterThan(200);
        assertThat(unexpected).as("disagreements with HashiCorp's parser").isEmpty();
        assertThat(corpus.size() - agreed).as("known disagreements still seen").isEqualTo(known.size());
    }

    /** "" when the reader agrees with the oracle's verdict, else what differs. */
    private static String compare(CorpusFile file, JsonNode verdict) {
        boolean oracleAccepts = verdict.get("ok").asBoolean();
        Hcl.Body body;
        try {
            body = Hcl.parse(file.bytes(), file.name());
        } catch (HclException e) {
            return oracleAccepts ? "HCL accepts, the reader refuses: " + e.getMessage() : "";
        }
        if (!oracleAccepts) {
            return "HCL refuses (" + verdict.get("errors").get(0).asText() + "), the reader accepts";
        }
        JsonNode ours = HclCanonical.body(body);
        return ours.equals(verdict.get("body"))
                ? ""
                : "read differently:\n  HCL    " + verdict.get("body") + "\n  reader " + ours;
    }

    private static Map<String, String> knownDisagreements() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in =
                Objects.requireNonNull(HclOracleTest.class.getResourceAsStream("/hcl-corpus-disagreements.txt"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" ", 2);
                    known.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
        }
        return known;
    }

    private static String figures(
            List<CorpusFile> corpus,
            List<JsonNode> verdicts,
            Path oracle,
            List<Path> paths,
            int accepted,
            int refused,
            int agreed)
            throws IOException, InterruptedException {
        long[] java = javaNanos(corpus);
        long[] inProcess = verdicts.stream()
                .mapToLong(v -> v.get("nanos").asLong())
                .sorted()
                .toArray();
        long[] process = processNanos(oracle, paths.subList(0, Math.min(PROCESS_SAMPLE, paths.size())));
        return String.format(
                "HCL oracle (%s): %d files (HCL accepts %d, refuses %d); the reader agrees on %d (%.1f %%)%n"
                        + "  per file, median (p90): reader %.1f us (%.1f), HCL in one process %.1f us (%.1f),"
                        + " HCL as a process per file %.1f ms (%.1f)",
                oracle,
                corpus.size(),
                accepted,
                refused,
                agreed,
                100.0 * agreed / corpus.size(),
                percentile(java, 50) / 1e3,
                percentile(java, 90) / 1e3,
                percentile(inProcess, 50) / 1e3,
                percentile(inProcess, 90) / 1e3,
                percentile(process, 50) / 1e6,
                percentile(process, 90) / 1e6);
    }

    /** Each file's best time over a few rounds, after a warm-up round over the corpus. */
    private static long[] javaNanos(List<CorpusFile> corpus) {
        long[] best = new long[corpus.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int round = 0; round <= ROUNDS; round++) {
            for (int i = 0; i < corpus.size(); i++) {
                long start = System.nanoTime();
                try {
                    Hcl.parse(corpus.get(i).bytes(), corpus.get(i).name());
                } catch (HclException refused) {
                    // timed all the same
                }
                long took = System.nanoTime() - start;
                if (round > 0) {
                    best[i] = Math.min(best[i], took);
                }
            }
        }
        Arrays.sort(best);
        return best;
    }

    private static long[] processNanos(Path oracle, List<Path> sample) throws IOException, InterruptedException {
        long[] nanos = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long start = System.nanoTime();
            HclOracle.parse(oracle, List.of(sample.get(i)));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
