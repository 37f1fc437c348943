package dev.assay.grading.hcl;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HashiCorp's HCL parser behind graders/src/test/go/hcl-oracle, built by {@code ensure_hcl_oracle}
 * (scripts/ensure.sh), which {@code ./assay test} runs before Maven. Found through ASSAY_HCL_ORACLE, else in the
 * cache the script builds into; when it is missing, CI fails and a developer's machine builds it.
 */
final class HclOracle {
    static final Path SOURCE = Path.of("src/test/go/hcl-oracle/main.go");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HclOracle() {}

    static Path binary() throws IOException, InterruptedException {
        String given = System.getenv("ASSAY_HCL_ORACLE");
        if (given != null && Files.isExecutable(Path.of(given)) && given.contains(digest())) {
            return Path.of(given);
        }
        Optional<Path> cached = cached();
        if (cached.isPresent()) {
            return cached.get();
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("the HCL oracle for " + SOURCE + " is missing: ./assay test builds it first (ensure_hcl_oracle in"
                    + " scripts/ensure.sh); this test does not skip in CI");
        }
        return build();
    }

    /** The first 12 hex digits of the oracle's source's SHA-256: the cache is keyed by them and the HCL version. */
    static String digest() throws IOException {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> cached() throws IOException {
        String cache = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(System.getProperty("user.home") + "/.cache");
        Path root = Path.of(cache, "assay", "hcl-oracle");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        String digest = digest();
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(dir -> dir.getFileName().toString().endsWith("-" + digest))
                    .map(dir -> dir.resolve("hcl-oracle"))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    private static Path build() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "bash", "-c", ". scripts/ensure.sh && ensure_hcl_oracle && printf '%s' \"$ASSAY_HCL_ORACLE\"")
                .directory(Path.of("..").toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String path = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || path.isBlank()) {
            fail("building the HCL oracle failed (ensure_hcl_oracle in scripts/ensure.sh); see the output above");
        }
        return Path.of(path);
    }

    /** The oracle's verdict on each file, in order: {"ok", "errors", "body", "nanos"}. */
    static List<JsonNode> parse(Path oracle, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(oracle.toString());
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<JsonNode> results = new ArrayList<>();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("the HCL oracle failed on the corpus");
        }
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                results.add(JSON.readTree(line));
            }
        }
        return results;
    }
}
