package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every documented form of {@code uses:} judged as GitHub resolves it. */
class GithubActionsUsesTest {
    private static final Map<String, Object> PINNED = Map.of("pinnedActions", true);

    private static CheckResult pinned(String steps) {
        String workflow = """
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                %s
                """.formatted(steps.indent(6));
        return WorkflowRepo.ci(workflow)
                .file(".github/actions/hello/action.yml", """
                        name: hello
                        runs:
                          using: composite
                          steps:
                            - run: echo hello
                              shell: bash
                        """)
                .gradeFile("ci.yml", PINNED);
    }

    @Test
    @DisplayName("a SHA pin written as a YAML block scalar is still a SHA pin")
    void blockScalarShaIsPinned() {
        CheckResult result = pinned("""
                - uses: |
                    %s
                - uses: >-
                    %s
                """.formatted(CHECKOUT, CHECKOUT));
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    @DisplayName("$/path is an action of this repository at the running commit: nothing to pin")
    void selfRepositoryReferenceIsNotThirdParty() {
        CheckResult result = pinned("- uses: $/.github/actions/hello\n- uses: ./.github/actions/hello");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    @DisplayName("$/path@ref is refused by GitHub")
    void selfRepositoryReferenceWithARefIsInvalid() {
        CheckResult result = pinned("- uses: $/.github/actions/hello@v1");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("$/.github/actions/hello@v1");
    }

    @Test
    @DisplayName("docker:// images are pinned only by digest")
    void dockerImagesArePinnedByDigest() {
        String digest = "a".repeat(64);
        assertThat(pinned("- uses: docker://alpine@sha256:" + digest).verdict().status())
                .isEqualTo("pass");
        CheckResult tagged = pinned("- uses: docker://alpine:3.20");
        assertThat(tagged.verdict().status()).isEqualTo("fail");
        assertThat(tagged.message()).contains("docker://alpine:3.20");
    }

    @Test
    @DisplayName("a tag, a branch, a short SHA or a SHA-looking tag with one character off are not pins")
    void nearPinsAreNotPins() {
        assertThat(pinned("- uses: actions/checkout@11bd719").verdict().status())
                .isEqualTo("fail");
        assertThat(pinned("- uses: actions/checkout@main").verdict().status()).isEqualTo("fail");
        assertThat(pinned("- uses: actions/checkout").verdict().status()).isEqualTo("fail");
        assertThat(pinned("- uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af68g")
                        .verdict()
                        .status())
                .isEqualTo("fail");
    }

    @Test
    @DisplayName("a reusable workflow from another repository is pinned like an action")
    void reusableWorkflowsArePinned() {
        String workflow = """
                on: push
                permissions: {contents: read}
                jobs:
                  call:
                    uses: octo-org/shared/.github/workflows/build.yml@main
                """;
        CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", PINNED);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("octo-org/shared/.github/workflows/build.yml@main");
    }

    @Test
    @DisplayName("with an approved list, a pin must be one of the approved commits, for a path inside the action too")
    void approvedPinsOnly() {
        String sha = CHECKOUT.substring(CHECKOUT.indexOf('@') + 1);
        String other = "0123456789abcdef0123456789abcdef01234567";
        Map<String, Object> approved =
                Map.of("pinnedActions", true, "approvedActions", java.util.List.of("actions/checkout@" + sha));
        String workflow = """
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                """;
        CheckResult good =
                WorkflowRepo.ci(workflow.formatted("actions/checkout@" + sha)).gradeFile("ci.yml", approved);
        assertThat(good.verdict().status()).as(good.message()).isEqualTo("pass");
        CheckResult unapproved =
                WorkflowRepo.ci(workflow.formatted("actions/checkout@" + other)).gradeFile("ci.yml", approved);
        assertThat(unapproved.verdict().status()).isEqualTo("fail");
        assertThat(unapproved.message()).contains("a commit the policy does not approve", "actions/checkout@" + sha);
        CheckResult inPath = WorkflowRepo.ci(workflow.formatted("actions/checkout/sub@" + sha))
                .gradeFile("ci.yml", approved);
        assertThat(inPath.verdict().status()).as(inPath.message()).isEqualTo("pass");
        CheckResult anyShaWithoutList =
                WorkflowRepo.ci(workflow.formatted("actions/checkout@" + other)).gradeFile("ci.yml", PINNED);
        assertThat(anyShaWithoutList.verdict().status()).isEqualTo("pass");
    }
}
