package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repositories, built here with this machine's git, read as the engine would hand them over, and judged by
 * the grader's own script running this machine's git (the sandbox image carries the same Debian git).
 */
class GitGraderTest {
    private static final String BAD = "Enable debug logging everywhere";
    private static final String HOTFIX = "Fix crash on empty order";
    private static final String SECRET = "AKIAEXAMPLESECRET42";

    private final GitGrader grader = new GitGrader();

    @TempDir
    Path work;

    private Path repo;

    @BeforeEach
    void sharedRepository() {
        repo = work.resolve("shop");
        git(work, "init", "-q", "-b", "main", repo.toString());
        write("app.conf", "port=8080\n");
        write("orders.js", "module.exports = (o) => o.items.length;\n");
        commit("Initial service");
        git(repo, "branch", "release/1.4");
        write("app.conf", "port=8080\nlog=debug\n");
        commit(BAD);
        write("README.md", "# shop\n");
        commit("Document the service");
        write("orders.js", "module.exports = (o) => (o && o.items ? o.items.length : 0);\n");
        commit(HOTFIX);
    }

    private CheckResult grade(String... keyValues) {
        Map<String, Object> parameters = new HashMap<>(Map.of("repo", "/srv/shop"));
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        assertThat(grader.parameters().check(parameters)).as("valid parameters").isEmpty();
        FixtureLab lab =
                new FixtureLab().tree("/srv/shop/.git", repo.resolve(".git")).sandboxOnHost();
        return grader.grade(lab, parameters);
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("repo", "/srv/shop", "expect", "branch", "branch", "main"));
    }

    @Test
    void aBranchExistsOrNot() {
        assertThat(grade("expect", "branch", "branch", "release/1.4").verdict().status())
                .isEqualTo("pass");
        CheckResult missing = grade("expect", "branch", "branch", "release/1.5");
        assertThat(missing.verdict().status()).isEqualTo("fail");
        assertThat(missing.message()).contains("there is no branch release/1.5");
    }

    @Test
    void gitRevertAndAHandMadeUndoBothPass() {
        git(repo, "revert", "--no-edit", "HEAD~2");
        CheckResult reverted = grade("expect", "reverted", "branch", "main", "subject", BAD);
        assertThat(reverted.verdict().status()).as(reverted.message()).isEqualTo("pass");
        assertThat(reverted.observations().toString()).contains("Revert \"" + BAD + "\"");

        git(repo, "reset", "-q", "--hard", "HEAD~1");
        write("app.conf", "port=8080\n");
        commit("Turn debug logging off again");
        CheckResult byHand = grade("expect", "reverted", "branch", "main", "subject", BAD);
        assertThat(byHand.verdict().status()).as(byHand.message()).isEqualTo("pass");
        assertThat(byHand.observations().toString()).contains("would change nothing");
    }

    @Test
    void rewritingTheSharedBranchOrRevertingTheWrongCommitFails() {
        git(repo, "revert", "--no-edit", "HEAD~1");
        CheckResult wrong = grade("expect", "reverted", "branch", "main", "subject", BAD);
        assertThat(wrong.verdict().status()).isEqualTo("fail");
        assertThat(wrong.message()).contains("still in effect", "app.conf");

        git(repo, "reset", "-q", "--hard", "HEAD~1");
        git(repo, "tag", "before-rewrite");
        git(repo, "rebase", "-q", "--onto", "HEAD~3", "HEAD~2");
        CheckResult rewritten = grade("expect", "reverted", "branch", "main", "subject", BAD);
        assertThat(rewritten.verdict().status()).isEqualTo("fail");
        assertThat(rewritten.message()).contains("not on main", "history was rewritten");
    }

    @Test
    void aCherryPickPassesAndAMergeOfTheWholeBranchDoesNot() {
        git(repo, "checkout", "-q", "release/1.4");
        git(repo, "cherry-pick", "-x", "main");
        CheckResult picked =
                grade("expect", "cherry-picked", "branch", "release/1.4", "from", "main", "subject", HOTFIX);
        assertThat(picked.verdict().status()).as(picked.message()).isEqualTo("pass");
        assertThat(picked.observations().toString()).contains("same patch");

        git(repo, "reset", "-q", "--hard", "HEAD~1");
        CheckResult notYet =
                grade("expect", "cherry-picked", "branch", "release/1.4", "from", "main", "subject", HOTFIX);
        assertThat(notYet.verdict().status()).isEqualTo("fail");
        assertThat(notYet.message()).contains("is not on release/1.4");

        git(repo, "merge", "-q", "--no-edit", "main");
        CheckResult merged =
                grade("expect", "cherry-picked", "branch", "release/1.4", "from", "main", "subject", HOTFIX);
        assertThat(merged.verdict().status()).isEqualTo("fail");
        assertThat(merged.message()).contains("by merging main");
    }

    @Test
    void aResolvedMergePassesAndCommittedConflictMarkersFail() {
        git(repo, "checkout", "-q", "-b", "feature/port", "release/1.4");
        write("app.conf", "port=9090\n");
        commit("Move to port 9090");
        git(repo, "checkout", "-q", "main");
        git(repo, List.of(0, 1), "merge", "-q", "feature/port");
        git(repo, "commit", "-q", "-a", "--no-edit");
        write(".git/info/attributes", "* -diff\n"); // would hide the markers from a grep that skips binary files
        git(repo, "commit-graph", "write", "--reachable"); // a cache our git must not trust (dropped, not read)
        CheckResult markers = grade("expect", "merged", "branch", "main", "from", "feature/port");
        assertThat(markers.verdict().status()).isEqualTo("fail");
        assertThat(markers.message()).contains("conflict markers", "app.conf");

        write("app.conf", "port=9090\nlog=debug\n");
        commit("Resolve the port conflict");
        CheckResult resolved = grade("expect", "merged", "branch", "main", "from", "feature/port");
        assertThat(resolved.verdict().status()).as(resolved.message()).isEqualTo("pass");
        CheckResult file = grade("expect", "file", "branch", "main", "path", "app.conf", "content", "^port=9090$");
        assertThat(file.verdict().status()).isEqualTo("pass");
        CheckResult notMerged = grade("expect", "merged", "branch", "release/1.4", "from", "feature/port");
        assertThat(notMerged.message()).contains("is not merged");
    }

    @Test
    void aSecretKeptByFilterBranchBackupsOrATagIsFoundAndAPurgeLeavesNone() {
        write(".env", "AWS_ACCESS_KEY_ID=" + SECRET + "\n");
        commit("Add local settings");
        write("README.md", "# shop\nRun it.\n");
        commit("Explain how to run");
        assertThat(grade("expect", "secret-absent", "secret", SECRET).message()).contains("refs/heads/main");

        git(repo, "rm", "-q", ".env");
        commit("Remove local settings");
        CheckResult deletedOnly = grade("expect", "secret-absent", "secret", SECRET);
        assertThat(deletedOnly.verdict().status())
                .as("deleting the file keeps it in history")
                .isEqualTo("fail");

        git(repo, "tag", "v1.0", "HEAD~1");
        git(repo, "filter-branch", "-f", "--index-filter", "git rm -q --cached --ignore-unmatch .env", "--", "main");
        CheckResult backups = grade("expect", "secret-absent", "secret", SECRET);
        assertThat(backups.verdict().status()).isEqualTo("fail");
        assertThat(backups.message())
                .as("the rewritten main and HEAD are clean; the backup ref and the tag are not")
                .isEqualTo(
                        "the secret is still in history, reachable from refs/original/refs/heads/main, refs/tags/v1.0");

        git(repo, "update-ref", "-d", "refs/original/refs/heads/main");
        git(repo, "tag", "-d", "v1.0");
        CheckResult purged = grade("expect", "secret-absent", "secret", SECRET);
        assertThat(purged.verdict().status()).as(purged.message()).isEqualTo("pass");
        assertThat(purged.observations().toString()).doesNotContain(SECRET);
    }

    @Test
    void theRepositorysOwnConfigHooksGraftsAndReplaceRefsDoNothing() throws IOException {
        write(".env", "TOKEN=" + SECRET + "\n");
        commit("Add token");
        git(repo, "rm", "-q", ".env");
        commit("Drop token");
        Path touched = work.resolve("pwned");
        git(repo, "config", "core.fsmonitor", "touch " + touched + "; echo");
        git(repo, "config", "alias.log", "!touch " + touched);
        git(repo, "config", "core.pager", "touch " + touched);
        Files.writeString(repo.resolve(".git/hooks/post-checkout"), "#!/bin/sh\ntouch " + touched + "\n");
        // A graft and a replace ref that would each hide the commit holding the token.
        String tip = git(repo, "rev-parse", "HEAD").strip();
        Files.writeString(repo.resolve(".git/info/grafts"), tip + "\n");
        git(repo, "replace", "--graft", "HEAD");

        CheckResult result = grade("expect", "secret-absent", "secret", SECRET);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("refs/heads/main");
        assertThat(touched).as("nothing of the candidate's ran").doesNotExist();
    }

    @Test
    void aBareRepositoryTooLargeOrNoneAtAllIsSaidSo() {
        Path bare = work.resolve("shop.git");
        git(work, "clone", "-q", "--bare", repo.toString(), bare.toString());
        Map<String, Object> parameters = Map.of("repo", "/srv/shop.git", "expect", "branch", "branch", "release/1.4");
        FixtureLab bareLab = new FixtureLab().tree("/srv/shop.git", bare).sandboxOnHost();
        assertThat(grader.grade(bareLab, parameters).verdict().status()).isEqualTo("pass");

        FixtureLab huge = new FixtureLab().refusedTree("/srv/shop.git", "its files add up to more than 33554432 bytes");
        assertThat(grader.grade(huge, parameters).message()).contains("was not read", "more than 33554432 bytes");
        assertThat(grader.grade(new FixtureLab(), parameters).message()).contains("there is no repository");

        Path notGit = work.resolve("plain");
        write(notGit.resolve("x"), "hello");
        FixtureLab plain = new FixtureLab().tree("/srv/shop.git", notGit).sandboxOnHost();
        assertThat(grader.grade(plain, parameters).message()).contains("not a git repository");
    }

    @Test
    void aForgedObjectIsCaughtBeforeAnyFactIsRead() {
        String tip = git(repo, "rev-parse", "HEAD").strip();
        // Swap the tip commit's loose object for another object's bytes: the name no longer matches the content.
        String blob = git(repo, "rev-parse", "HEAD:app.conf").strip();
        try {
            Files.copy(
                    repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)),
                    repo.resolve(".git/objects/" + tip.substring(0, 2) + "/" + tip.substring(2)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CheckResult result = grade("expect", "branch", "branch", "main");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("the repository is damaged");
    }

    @Test
    void containsMatchesSubjectsByRegularExpression() {
        assertThat(grade("expect", "contains", "branch", "main", "subject", "(?i)fix crash")
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade("expect", "contains", "branch", "release/1.4", "subject", "(?i)fix crash")
                        .message())
                .contains("no commit on release/1.4");
    }

    @Test
    void parametersAreCheckedWhenTheCatalogLoads() {
        assertThat(grader.parameters().check(Map.of("repo", "/r", "expect", "reverted", "branch", "main")))
                .extracting(p -> p.parameter())
                .containsExactly("subject");
        assertThat(grader.parameters().check(Map.of("repo", "/r", "expect", "branch", "branch", "--upload-pack=x")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("repo", "/r", "expect", "branch", "branch", "a/../b")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("repo", "/r", "expect", "secret-absent", "secret", "abc")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("repo", "r", "expect", "file", "branch", "m", "path", "/etc/x")))
                .hasSize(2);
        assertThat(grader.parameters()
                        .check(Map.of("repo", "/r", "expect", "file", "branch", "m", "tag", "v1", "path", "x")))
                .extracting(p -> p.parameter())
                .containsExactly("branch");
        assertThat(grader.parameters()
                        .check(Map.of("repo", "/r", "expect", "reverted", "branch", "m", "commit", "abc")))
                .extracting(p -> p.parameter())
                .containsExactly("commit");
    }

    private void write(String name, String content) {
        write(repo.resolve(name), content);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(String subject) {
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", subject);
    }

    private static String git(Path directory, String... arguments) {
        return git(directory, List.of(0), arguments);
    }

    /** Runs this machine's git with a fixed identity and no user configuration; fails on an unexpected exit. */
    private static String git(Path directory, List<Integer> expectedExits, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
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
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || !expectedExits.contains(process.exitValue())) {
                throw new IllegalStateException("git " + String.join(" ", arguments) + " failed: " + output);
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
