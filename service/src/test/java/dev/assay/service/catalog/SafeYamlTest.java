package dev.assay.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile YAML is refused fast and cheaply: each case within 1 s and 32 MiB of allocation. */
@DisplayName("Hostile YAML is rejected in under a second without exhausting the heap")
@Timeout(10)
class SafeYamlTest {
    private static final long MAX_ALLOCATED = 32L << 20;

    private static List<Problem> parse(Path file) {
        List<Problem> problems = new ArrayList<>();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        SafeYaml.parse(file, file, problems);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(took).as("time to reject").isLessThan(Duration.ofSeconds(1));
        assertThat(allocated).as("bytes allocated while parsing").isLessThan(MAX_ALLOCATED);
        return problems;
    }

    @Test
    void billionLaughs(@TempDir Path dir) throws Exception {
        StringBuilder yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(p);
            }
            yaml.append("]\n");
        }
        Path file = Files.writeString(dir.resolve("laughs.yaml"), yaml);
        assertThat(parse(file)).singleElement().asString().contains("aliases");
    }

    @Test
    void deepNesting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertThat(parse(file)).singleElement().asString().contains("Nesting Depth");
    }

    @Test
    void fourMebibytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, ("k: " + "x".repeat(4 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(parse(file)).singleElement().asString().contains("may have at most " + SafeYaml.MAX_BYTES);
    }

    @Test
    void duplicateKeys(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dup.yaml"), "id: a\nid: b\n");
        List<Problem> problems = new ArrayList<>();
        long started = System.nanoTime();
        Optional<MapReader> reader = SafeYaml.parse(file, file, problems)
                .flatMap(node -> MapReader.of(new YamlSource(file, problems), node, "", java.util.Set.of("id")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(reader).isPresent();
        assertThat(problems).singleElement().asString().contains(":2:1: id: duplicate key");
    }

    @Test
    void notUtf8(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(parse(file)).singleElement().asString().contains("not UTF-8");
    }
}
