package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repository layouts that make git read history from somewhere else than the directory the grader was handed:
 * the grader judges what our git clones out of the directory it read, and refuses, with the reason, a layout
 * that points outside it.
 */
@DisplayName("The git grader judges what a clone gets and refuses layouts that point outside the directory read")
class GitLayoutTest {
    private static final String SECRET = "Zx9Qm2Lp7Rt4Vw8Ys3Nb6Kd1/Hg5Jf0Ce";

    @TempDir
    Path work;

    private GitWork git;

    @BeforeEach
    void repository() {
        git = new GitWork(work);
        git.write("app.conf", "port=8080\n");
        git.commit("Initial service");
        git.write(".env", "TOKEN=" + SECRET + "\n");
        git.commit("Add token");
    }

    @Test
    void aCommondirThatLendsTheRealHistoryIsRefused() throws IOException {
        // The directory handed over looks clean, but git takes its refs and objects from the common directory.
        Path real = work.resolve("real.git");
        GitWork.git(work, "clone", "-q", "--bare", git.repo.toString(), real.toString());
        Path fake = work.resolve("fake.git");
        GitWork.git(work, "init", "-q", "--bare", "-b", "main", fake.toString());
        GitWork.git(
                fake, "--git-dir=" + fake, "fetch", "-q", git.repo.toString(), git.head("HEAD~1") + ":refs/heads/main");
        Files.writeString(fake.resolve("commondir"), real + "\n");
        assertThat(GitWork.git(work, "--git-dir=" + fake, "log", "--format=%s", "main"))
                .as("git itself reads the common directory's history")
                .contains("Add token");

        CheckResult result =
                GitWork.grade(GitWork.lab(GitWork.LAB_PATH, fake), "expect", "secret-absent", "secret", SECRET);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("commondir");
    }

    @Test
    void aSymbolicLinkGitWouldFollowOutOfTheDirectoryIsRefused() throws IOException {
        // packed-refs is a link to a file outside: git reads the tag from it, the archive leaves the link out.
        String tip = git.head("HEAD");
        git.git("reset", "-q", "--hard", "HEAD~1");
        git.git("reflog", "expire", "--expire=now", "--all");
        Path outside = work.resolve("elsewhere");
        Files.writeString(outside, tip + " refs/tags/v1.0\n");
        Files.createSymbolicLink(git.repo.resolve(".git/packed-refs"), outside);
        assertThat(git.git("ls-remote", ".")).as("git follows the link").contains("refs/tags/v1.0");

        CheckResult result = git.grade("expect", "secret-absent", "secret", SECRET);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("packed-refs", "symbolic link");
    }

    @Test
    void aLinkToAFileInsideTheDirectoryIsReadAsThatFile() throws IOException {
        git.git("pack-refs", "--all");
        Files.move(git.repo.resolve(".git/packed-refs"), git.repo.resolve(".git/packed-refs.kept"));
        Files.createSymbolicLink(git.repo.resolve(".git/packed-refs"), Path.of("packed-refs.kept"));
        CheckResult result = git.grade("expect", "file", "branch", "main", "path", ".env", "content", "TOKEN");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    void aGitFileIsFollowedAsGitFollowsIt() {
        Path separate = work.resolve("separate.git");
        GitWork.git(work, "clone", "-q", "--separate-git-dir=" + separate, git.repo.toString(), "checkout");
        FixtureLab lab = new FixtureLab()
                .refusedTree("/srv/shop/.git", "not a directory")
                .file("/srv/shop/.git", "gitdir: ../gits/shop.git\n")
                .tree("/srv/gits/shop.git", separate)
                .sandboxOnHost();
        CheckResult result = GitWork.grade(lab, "expect", "file", "branch", "main", "path", ".env", "content", "TOKEN");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.observations().toString()).contains("/srv/gits/shop.git");

        FixtureLab linked = new FixtureLab()
                .refusedTree("/srv/shop/.git", "not a directory")
                .refused("/srv/shop/.git", "not a regular file (mode 20000000777)");
        assertThat(GitWork.grade(linked, "expect", "branch", "branch", "main").message())
                .contains("/srv/shop/.git", "not a regular file");
    }

    @Test
    void borrowedObjectsAndAShallowHistoryAreSaidSo() {
        Path shared = work.resolve("shared");
        GitWork.git(work, "clone", "-q", "--shared", git.repo.toString(), shared.toString());
        CheckResult borrowed = GitWork.grade(
                GitWork.lab(GitWork.LAB_PATH + "/.git", shared.resolve(".git")), "expect", "branch", "branch", "main");
        assertThat(borrowed.verdict().status()).isEqualTo("fail");
        assertThat(borrowed.message()).contains("alternates", git.repo.toString());

        Path shallow = work.resolve("shallow");
        GitWork.git(work, "clone", "-q", "--depth", "1", "file://" + git.repo, shallow.toString());
        CheckResult cut = GitWork.grade(
                GitWork.lab(GitWork.LAB_PATH + "/.git", shallow.resolve(".git")), "expect", "branch", "branch", "main");
        assertThat(cut.verdict().status()).isEqualTo("fail");
        assertThat(cut.message()).contains("shallow");
    }

    @Test
    void aBranchIsWhatTheRemoteAdvertisesUnderRefsHeads() {
        git.git("tag", "release/1.5");
        CheckResult tagOnly = git.grade("expect", "branch", "branch", "release/1.5");
        assertThat(tagOnly.verdict().status())
                .as("a tag named like the branch is no branch")
                .isEqualTo("fail");
        assertThat(git.grade("expect", "file", "tag", "release/1.5", "path", "app.conf", "content", "8080")
                        .verdict()
                        .status())
                .as("but a tag is asked for as a tag")
                .isEqualTo("pass");

        git.git("symbolic-ref", "refs/heads/release/1.5", "refs/heads/main");
        CheckResult symbolic = git.grade("expect", "file", "branch", "release/1.5", "path", "app.conf");
        assertThat(symbolic.verdict().status())
                .as("a clone gets the branch at the commit it resolves to")
                .isEqualTo("pass");
    }
}
