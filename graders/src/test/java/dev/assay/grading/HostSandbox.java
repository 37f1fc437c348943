package dev.assay.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sandbox of {@link FixtureLab#sandboxOnHost()}: the command runs with this machine's own tools in a fresh
 * temporary directory holding the sandbox files, as it would in {@code /sandbox} of the workbench image. Only
 * scripts the graders ship run here, on repositories the tests built.
 */
final class HostSandbox {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private HostSandbox() {}

    static CommandResult run(Map<String, byte[]> files, List<String> command) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("assay-sandbox");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(directory.resolve(".stderr").toFile())
                    .start();
            byte[] stdout = process.getInputStream().readAllBytes();
            boolean finished = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String stderr = Files.readString(directory.resolve(".stderr"));
            return new CommandResult(
                    finished ? process.exitValue() : 137,
                    new String(stdout, StandardCharsets.UTF_8),
                    stderr,
                    false,
                    !finished,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
    }

    /** A tar of the directory's content, names relative to it, made by this machine's tar. */
    static byte[] tar(Path directory) {
        try {
            Process process = new ProcessBuilder("tar", "-C", directory.toString(), "-cf", "-", ".").start();
            byte[] tar = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(
                        "tar failed: " + new String(process.getErrorStream().readAllBytes()));
            }
            return tar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
