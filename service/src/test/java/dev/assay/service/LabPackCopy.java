package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A copy of the lab pack under target/ with one line of one lab's lab.yaml changed, for a test's own app. */
final class LabPackCopy {
    private LabPackCopy() {}

    /** Copies ../labs, then replaces {@code line} (which must be there) with {@code replacement} in {@code lab}. */
    static Path with(String lab, String line, String replacement) {
        Path source = Path.of("..", "labs").toAbsolutePath().normalize();
        Path target = Path.of("target", "it-labs", UUID.randomUUID().toString()).toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file :
                    files.filter(f -> !f.toString().contains("/target")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            Path yamlFile = target.resolve(lab).resolve("lab.yaml");
            String yaml = Files.readString(yamlFile);
            assertThat(yaml).contains(line);
            Files.writeString(yamlFile, yaml.replace(line, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void delete(Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
