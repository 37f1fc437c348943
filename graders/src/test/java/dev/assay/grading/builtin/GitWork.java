package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.FixtureLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Repositories for the git grader's tests, built with this machine's git under a fixed identity and no user
 * configuration, and graded as the engine would hand them over: the git directory as a tar, our script run by
 * this machine's git (the sandbox image carries the same Debian git), and a probe that lists what the archive
 * leaves out (links and special files) with this machine's find.
 */
final class GitWork {
    static final String LAB_PATH = "/srv/shop";
    /** Every git command a second later than the last: a cherry-pick never makes the very same commit again. */
    private static final AtomicLong CLOCK = new AtomicLong(1_700_000_000L);

    final Path root;
    final Path repo;

    GitWork(Path root) {
        this.root = root;
        this.repo = root.resolve("shop");
        git(root, "init", "-q", "-b", "main", repo.toString());
    }

    void write(String name, String content) {
        write(repo.resolve(name), content);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void commit(String subject) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", subject);
    }

    String git(String... arguments) {
        return git(repo, arguments);
    }

    String head(String revision) {
        return git("rev-parse", revision).strip();
    }

    /** Grades the working repository as the lab's {@value #LAB_PATH}. */
    CheckResult grade(String... keyValues) {
        return grade(lab(LAB_PATH + "/.git", repo.resolve(".git")), keyValues);
    }

    /** A lab holding {@code directory} at {@code labPath}, with the probe answering for it. */
    static FixtureLab lab(String labPath, Path directory) {
        return new FixtureLab()
                .tree(labPath, asTheEngineCopiesIt(directory))
                .sandboxOnHost()
                .probe(command -> listSpecialFiles(command, labPath, directory));
    }

    /**
     * The directory as the engine's tree read hands it over: a link whose target is a regular file inside it
     * becomes a copy of that file, other links and special files are left out.
     */
    static Path asTheEngineCopiesIt(Path directory) {
        try {
            Path copy = Files.createTempDirectory("engine-copy");
            Path real = directory.toRealPath();
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(directory.relativize(path).toString());
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(path, target);
                    } else if (Files.isSymbolicLink(path)
                            && Files.isRegularFile(path)
                            && path.toRealPath().startsWith(real)) {
                        Files.copy(path.toRealPath(), target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CheckResult grade(FixtureLab lab, String... keyValues) {
        Map<String, Object> parameters = new HashMap<>(Map.of("repo", LAB_PATH));
        for (int i = 0; i < keyValues.length; i += 2) {
            String value = keyValues[i + 1];
            parameters.put(
                    keyValues[i], "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : value);
        }
        GitGrader grader = new GitGrader();
        assertThat(grader.parameters().check(parameters)).as("valid parameters").isEmpty();
        return grader.grade(lab, parameters);
    }

    /** The probe's find over /proc/1/root of the lab, answered by this machine's find on the directory. */
    private static CommandResult listSpecialFiles(List<String> command, String labPath, Path directory) {
        List<String> local = new ArrayList<>();
        String prefix = "/proc/1/root" + labPath;
        for (String part : command) {
            local.add(part.startsWith(prefix) ? directory + part.substring(prefix.length()) : part);
        }
        String output = run(root(directory), List.of(0, 1), local);
        return FixtureLab.ok(output.replace(directory.toString(), prefix));
    }

    private static Path root(Path directory) {
        return directory.getParent() == null ? directory : directory.getParent();
    }

    static String git(Path directory, String... arguments) {
        return git(directory, List.of(0), arguments);
    }

    /** Runs this machine's git; fails on an exit not in {@code expectedExits}. */
    static String git(Path directory, List<Integer> expectedExits, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return run(directory, expectedExits, command);
    }

    private static String run(Path directory, List<Integer> expectedExits, List<String> command) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_AUTHOR_NAME", "Dana Dev");
            env.put("GIT_AUTHOR_EMAIL", "dana@example.test");
            env.put("GIT_COMMITTER_NAME", "Dana Dev");
            env.put("GIT_COMMITTER_EMAIL", "dana@example.test");
            env.put("FILTER_BRANCH_SQUELCH_WARNING", "1");
            env.put("GIT_COMMITTER_DATE", "@" + CLOCK.incrementAndGet() + " +0000");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || !expectedExits.contains(process.exitValue())) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
