package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds and reads a repository's git directory the way git finds it: {@code repo/.git} as a directory, or as a
 * file naming the directory ({@code gitdir: path}, as {@code clone --separate-git-dir} leaves it), else
 * {@code repo} itself when it is bare. The archive API copies a link whose chain ends at a file inside the directory
 * as that file, and leaves other links and special files out; git follows them (a {@code packed-refs} or
 * {@code refs/tags} pointing elsewhere would add refs only git sees), so our probe lists them and a directory
 * holding any the copy lacks is refused.
 */
final class GitRepository {
    private static final String LAB_ROOT = "/proc/1/root";
    private static final int GIT_FILE_BYTES = 4096;

    private GitRepository() {}

    /** The git directory as a tar, or null with the failed expectation recorded. */
    static FileResult.@Nullable Content read(LabView lab, String repo, long maxBytes, CheckResult.Builder check) {
        String dotGit = Path.of(repo, ".git").toString();
        String gitDirectory = dotGit;
        FileResult read = lab.readTree(dotGit, maxBytes);
        if (read instanceof FileResult.Missing) {
            gitDirectory = repo;
            read = lab.readTree(repo, maxBytes);
        } else if (read instanceof FileResult.Refused directory) {
            FileResult file = lab.readFile(dotGit, GIT_FILE_BYTES);
            if (!(file instanceof FileResult.Content content)) {
                String asFile = file instanceof FileResult.Refused refused ? refused.reason() : "missing";
                check.expect(
                        false,
                        dotGit + " was not read: as a directory, " + directory.reason() + "; as a file, " + asFile);
                return null;
            }
            gitDirectory = gitDirectoryNamedBy(repo, content.bytes());
            if (gitDirectory == null) {
                check.expect(false, dotGit + " is a file, but not one line 'gitdir: <path>' as git writes it");
                return null;
            }
            check.observe(".git names the git directory", gitDirectory);
            read = lab.readTree(gitDirectory, maxBytes);
        }
        if (!(read instanceof FileResult.Content content)) {
            check.expect(
                    false,
                    read instanceof FileResult.Refused refused
                            ? "the repository " + gitDirectory + " was not read: " + refused.reason()
                            : "there is no repository at " + repo);
            return null;
        }
        check.observe("git directory read", gitDirectory);
        check.evidence(new Evidence("git directory (tar)", gitDirectory, content.sha256(), content.size()));
        String links = linksLeftOut(lab, gitDirectory, content);
        if (!links.isEmpty()) {
            check.expect(false, links);
            return null;
        }
        return content;
    }

    /** The directory a {@code .git} file names, resolved against the working tree as git does; null if none. */
    static @Nullable String gitDirectoryNamedBy(String repo, byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("gitdir:") || text.contains("\n")) {
            return null;
        }
        String target = text.substring("gitdir:".length()).strip();
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            return null;
        }
        Path resolved = Path.of(repo).resolve(target).normalize();
        return resolved.isAbsolute() ? resolved.toString() : null;
    }

    /**
     * What the archive left out that git would follow, as a failure message; empty when there is nothing. A link
     * whose chain ends at a file inside the directory is in the copy as that file (git reads the same bytes).
     */
    private static String linksLeftOut(LabView lab, String gitDirectory, FileResult.Content tree) {
        String root = LAB_ROOT + gitDirectory;
        Duration timeout =
                lab.timeLeft().compareTo(Duration.ofSeconds(20)) < 0 ? lab.timeLeft() : Duration.ofSeconds(20);
        CommandResult listing = lab.inProbe(List.of("find", root, "!", "-type", "d", "!", "-type", "f"), timeout);
        if (listing.exitCode() != 0 || listing.timedOut()) {
            return "our probe could not list " + gitDirectory + " to look for symbolic links git would follow ("
                    + Text.excerpt(listing.stderr().isBlank() ? "exit " + listing.exitCode() : listing.stderr())
                    + "), so what git reads from it is not known";
        }
        List<String> names = Arrays.stream(listing.stdout().split("\n"))
                .filter(line -> !line.isBlank())
                .map(line -> line.startsWith(root + "/") ? line.substring(root.length() + 1) : line)
                .toList();
        if (names.isEmpty()) {
            return "";
        }
        Set<String> copied = TarFiles.regularFiles(tree.bytes()).keySet();
        names = names.stream().filter(name -> !copied.contains(name)).toList();
        if (names.isEmpty()) {
            return "";
        }
        return "the git directory holds symbolic links or special files, which git follows out of the directory read"
                + " and the archive leaves out ("
                + names.stream().limit(5).collect(Collectors.joining(", "))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "")
                + "), so its refs and objects cannot be judged from it";
    }
}
