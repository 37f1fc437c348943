package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reverted}, {@code cherry-picked}, {@code merged}, {@code contains} and {@code file} judged by the content
 * a clone of the branch gets, never by what commit messages claim.
 */
@DisplayName("History expectations are judged by content, not by what commit messages say")
class GitHistoryTest {
    private static final String FIX = "Fix VAT rounding";
    private static final String BANNER = "Add discount banner";

    @TempDir
    Path work;

    private GitWork git;

    /** The shared-history lab's repository: release/1.2 at the start, then the fix, the banner and a footer. */
    @BeforeEach
    void repository() {
        git = new GitWork(work);
        git.write("vat.py", "RATE = 0.2\n\ndef with_vat(net):\n    return net * (1 + RATE)\n");
        git.write("checkout.js", "export function checkout(cart) {\n  return cart.total;\n}\n");
        git.write("footer.html", "<footer>Shop Ltd</footer>\n");
        git.commit("Initial shop");
        git.git("branch", "release/1.2");
        git.write("vat.py", "RATE = 0.2\n\ndef with_vat(net):\n    return round(net * (1 + RATE), 2)\n");
        git.commit(FIX);
        git.write("banner.html", "<div class=\"banner\">50% off everything!</div>\n");
        git.write("checkout.js", "export function checkout(cart) {\n  return cart.total * 0.5;\n}\n");
        git.commit(BANNER);
        git.write("footer.html", "<footer>Shop Ltd, 2026</footer>\n");
        git.commit("Update footer");
    }

    private CheckResult reverted() {
        return git.grade("expect", "reverted", "branch", "main", "subject", BANNER);
    }

    private CheckResult picked(String... more) {
        List<String> parameters = new java.util.ArrayList<>(
                List.of("expect", "cherry-picked", "branch", "release/1.2", "from", "main", "subject", FIX));
        parameters.addAll(List.of(more));
        return git.grade(parameters.toArray(String[]::new));
    }

    @Nested
    @DisplayName("reverted")
    class Reverted {
        @Test
        void aRevertThatWasItselfRevertedDoesNotCount() {
            git.git("revert", "--no-edit", "HEAD~1");
            assertThat(reverted().verdict().status()).isEqualTo("pass");
            git.git("revert", "--no-edit", "HEAD");
            CheckResult again = reverted();
            assertThat(again.verdict().status()).isEqualTo("fail");
            assertThat(again.message()).contains("still in effect");
        }

        @Test
        void aCommitNamedLikeARevertThatChangesNothingDoesNotCount() {
            git.commit("Revert \"" + BANNER + "\"\n\nThis reverts commit " + git.head("HEAD~1") + ".");
            CheckResult result = reverted();
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("still in effect");
        }

        @Test
        void aRevertWhoseConflictWithALaterEditWasResolvedCountsAndAnEditOfTheSameLinesDoesNot() {
            // A later commit edits the line next to the banner's: reverting the banner conflicts.
            git.write("checkout.js", "export function checkout(cart) { // audited\n  return cart.total * 0.5;\n}\n");
            git.commit("Audit checkout");
            GitWork.git(git.repo, List.of(0, 1), "revert", "--no-edit", "HEAD~2");
            git.write("checkout.js", "export function checkout(cart) { // audited\n  return cart.total;\n}\n");
            git.git("add", "-A");
            git.git("-c", "core.editor=true", "revert", "--continue");
            CheckResult resolved = reverted();
            assertThat(resolved.verdict().status()).as(resolved.message()).isEqualTo("pass");

            git.write("checkout.js", "export function checkout(cart) { // audited\n  return cart.total * 0.50;\n}\n");
            git.commit("Tidy checkout");
            CheckResult edited = reverted();
            assertThat(edited.verdict().status()).isEqualTo("fail");
            assertThat(edited.message()).contains("checkout.js");
        }
    }

    @Nested
    @DisplayName("cherry-picked")
    class CherryPicked {
        @Test
        void aForgedCherryPickedFromTrailerDoesNotCount() {
            git.git("checkout", "-q", "release/1.2");
            git.commit("Fix VAT rounding\n\n(cherry picked from commit " + git.head("main~2") + ")");
            CheckResult result = picked();
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("not on release/1.2");
        }

        @Test
        void aPickUndoneLaterOrANewerLookalikeOnFromDoesNotCount() {
            git.git("checkout", "-q", "release/1.2");
            git.git("cherry-pick", "-x", "main~2");
            git.git("revert", "--no-edit", "HEAD");
            assertThat(picked().verdict().status()).isEqualTo("fail");

            git.git("reset", "-q", "--hard", "HEAD~2");
            git.git("checkout", "-q", "main");
            git.write("NOTES", "vat\n");
            git.commit(FIX);
            git.git("checkout", "-q", "release/1.2");
            git.git("cherry-pick", "--allow-empty", "main");
            CheckResult lookalike = picked();
            assertThat(lookalike.verdict().status())
                    .as("the empty lookalike is not the fix")
                    .isEqualTo("fail");
        }

        @Test
        void aPickWithAnotherCommitFailsOnlyAndAFastForwardToTheFixAloneCounts() {
            git.git("checkout", "-q", "release/1.2");
            git.git("cherry-pick", "main~2", "main~1");
            assertThat(picked().verdict().status()).as("without only").isEqualTo("pass");
            CheckResult two = picked("only", "true");
            assertThat(two.verdict().status()).isEqualTo("fail");
            assertThat(two.message()).contains(BANNER);

            git.git("reset", "-q", "--hard", "HEAD~2");
            git.git("merge", "-q", "--squash", "main~1");
            git.git("commit", "-q", "-m", "VAT fix for the release");
            CheckResult squashed = picked("only", "true");
            assertThat(squashed.verdict().status())
                    .as("squashed with the banner")
                    .isEqualTo("fail");
            assertThat(squashed.message()).contains(BANNER);

            git.git("reset", "-q", "--hard", "HEAD~1");
            String start = git.head("HEAD");
            git.git("merge", "-q", "--ff-only", "main~2");
            CheckResult unknownStart = picked("only", "true");
            assertThat(unknownStart.verdict().status())
                    .as("a fast-forward hides what came along unless the lab says where the branch stood")
                    .isEqualTo("fail");
            CheckResult fastForward = picked("only", "true", "base", start);
            assertThat(fastForward.verdict().status()).as(fastForward.message()).isEqualTo("pass");

            git.git("merge", "-q", "--no-edit", "main");
            CheckResult merged = picked("base", start);
            assertThat(merged.verdict().status()).isEqualTo("fail");
            assertThat(merged.message()).contains("by merging main", BANNER);
        }

        @Test
        void aPickByCommitIdIgnoresSubjects() {
            String fix = git.head("main~2");
            git.git("checkout", "-q", "release/1.2");
            git.git("cherry-pick", fix);
            CheckResult result = git.grade(
                    "expect", "cherry-picked", "branch", "release/1.2", "from", "main", "commit", fix, "only", "true");
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("merged, contains and file")
    class MergedContainsFile {
        @Test
        void aMergeThatTookNothingFromTheBranchDoesNotCount() {
            git.git("checkout", "-q", "-b", "feature/tax", "release/1.2");
            git.write("tax.py", "EXEMPT = ['books']\n");
            git.commit("Exempt books");
            git.git("checkout", "-q", "main");
            git.git("merge", "-q", "--no-edit", "-s", "ours", "feature/tax");
            CheckResult ours = git.grade("expect", "merged", "branch", "main", "from", "feature/tax");
            assertThat(ours.verdict().status()).isEqualTo("fail");
            assertThat(ours.message()).contains("tax.py");

            git.git("reset", "-q", "--hard", "HEAD~1");
            git.git("merge", "-q", "--no-edit", "feature/tax");
            CheckResult real = git.grade("expect", "merged", "branch", "main", "from", "feature/tax");
            assertThat(real.verdict().status()).as(real.message()).isEqualTo("pass");
        }

        @Test
        void containsByCommitIdAndAFileThatIsALinkIsSaidSo() {
            String fix = git.head("main~2");
            assertThat(git.grade("expect", "contains", "branch", "main", "commit", fix)
                            .verdict()
                            .status())
                    .isEqualTo("pass");
            assertThat(git.grade("expect", "contains", "branch", "release/1.2", "commit", fix)
                            .message())
                    .contains("not on release/1.2");

            git.git("rm", "-q", "footer.html");
            git.write("site/footer.html", "<footer>Shop Ltd, 2026</footer>\n");
            git.commit("Move the footer");
            git.git("symbolic-ref", "HEAD", "refs/heads/main");
            try {
                java.nio.file.Files.createSymbolicLink(git.repo.resolve("footer.html"), Path.of("site/footer.html"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            git.commit("Link the footer");
            CheckResult link =
                    git.grade("expect", "file", "branch", "main", "path", "footer.html", "content", "footer");
            assertThat(link.verdict().status()).isEqualTo("fail");
            assertThat(link.message()).contains("symbolic link", "site/footer.html");
        }
    }
}
