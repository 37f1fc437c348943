package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacker-controlled event text expanded into a script is code the attacker wrote. */
class GithubActionsInjectionTest {
    private static final Map<String, Object> RULE = Map.of("noInjection", true);

    private static CheckResult grade(String trigger, String step) {
        String workflow = """
                on: %s
                permissions: {contents: read}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                %s
                """.formatted(trigger, step.indent(6));
        return WorkflowRepo.ci(workflow).gradeFile("ci.yml", RULE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "github.event.issue.title",
                "github.event.issue.body",
                "github.event.pull_request.title",
                "github.event.pull_request.body",
                "github.event.pull_request.head.ref",
                "github.event.pull_request.head.label",
                "github.event.comment.body",
                "github.event.review.body",
                "github.event.review_comment.body",
                "github.event.head_commit.message",
                "github.event.head_commit.author.name",
                "github.event.commits[0].message",
                "github.event.commits.*.author.email",
                "github.event.pages[0].page_name",
                "github.event.discussion.title",
                "github.head_ref",
                "github['event']['issue']['title']",
                "toJSON(github.event)",
                "format('{0}', github.event.issue.title)",
                "github.event.issue.title || 'none'",
            })
    @DisplayName("untrusted event text in run: fails")
    void untrustedTextInARunScriptFails(String expression) {
        CheckResult result = grade("issues", "- run: echo \"${{ " + expression + " }}\"");
        assertThat(result.verdict().status()).as(expression).isEqualTo("fail");
        assertThat(result.message()).contains("jobs.triage.steps[0]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "github.event.pull_request.head.sha",
                "github.event.pull_request.number",
                "github.sha",
                "github.ref_name == 'main'",
                "contains(github.event.issue.title, 'bug')",
                "startsWith(github.head_ref, 'dependabot/')",
                "steps.ecr.outputs.registry",
            })
    @DisplayName("values an attacker cannot shape, or that only yield true/false, pass")
    void trustedValuesPass(String expression) {
        CheckResult result = grade("pull_request", "- run: echo \"${{ " + expression + " }}\"");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    @DisplayName("the documented fix: the value through env: and the script quoting \"$VAR\"")
    void throughAnEnvironmentVariablePasses() {
        CheckResult result = grade("issues", """
                - env:
                    TITLE: ${{ github.event.issue.title }}
                  run: |
                    echo "$TITLE"
                    if [[ "$TITLE" =~ ^bug ]]; then echo bug; fi
                """);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    void anEnvironmentVariableExpandedBackIntoTheScriptFails() {
        CheckResult result = grade("issues", """
                - env:
                    TITLE: ${{ github.event.issue.title }}
                  run: echo "${{ env.TITLE }}"
                """);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("env.TITLE");
    }

    @Test
    void anEnvironmentVariableHandedToEvalFails() {
        CheckResult result = grade("issues", """
                - env:
                    TITLE: ${{ github.event.issue.title }}
                  run: eval "echo $TITLE"
                """);
        assertThat(result.verdict().status()).isEqualTo("fail");
    }

    @Test
    @DisplayName("script: of actions/github-script is JavaScript the same way")
    void githubScriptIsASink() {
        CheckResult result = grade("issue_comment", """
                - uses: %s
                  with:
                    script: |
                      console.log("${{ github.event.comment.body }}")
                """.formatted(SCRIPT));
        assertThat(result.verdict().status()).isEqualTo("fail");
        CheckResult safe = grade("issue_comment", """
                - uses: %s
                  env:
                    BODY: ${{ github.event.comment.body }}
                  with:
                    script: console.log(process.env.BODY)
                """.formatted(SCRIPT));
        assertThat(safe.verdict().status()).as(safe.message()).isEqualTo("pass");
    }

    @Test
    @DisplayName("a local composite action's run step gets the untrusted value through its inputs")
    void compositeInputsCarryTheTaint() {
        String workflow = """
                on: issues
                permissions: {contents: read}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/label
                        with:
                          title: ${{ github.event.issue.title }}
                """;
        String action = """
                name: label
                inputs:
                  title: {description: the issue title}
                runs:
                  using: composite
                  steps:
                    - run: echo "${{ inputs.title }}"
                      shell: bash
                """;
        CheckResult result = WorkflowRepo.ci(workflow)
                .file(".github/actions/label/action.yml", action)
                .gradeFile("ci.yml", RULE);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("./.github/actions/label");
    }
}
