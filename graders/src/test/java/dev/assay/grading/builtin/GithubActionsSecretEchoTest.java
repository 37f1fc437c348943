package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A secret reaches the log in any form the shell would print, judged on the script's commands. */
class GithubActionsSecretEchoTest {
    private static final Map<String, Object> RULE = Map.of("noSecretEcho", true);

    private static CheckResult grade(String script) {
        String workflow = """
                on: push
                permissions: {contents: read}
                env:
                  REGION: eu-west-1
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    env:
                      TOKEN: ${{ secrets.NPM_TOKEN }}
                    steps:
                      - run: |
                %s
                """.formatted(script.indent(10));
        return WorkflowRepo.ci(workflow).gradeFile("ci.yml", RULE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "echo ${{ secrets.NPM_TOKEN }}",
                "echo \"token: ${{ secrets.NPM_TOKEN }}\" >&2",
                "printf '%s\\n' \"$TOKEN\"",
                "echo \"$TOKEN\" | base64",
                "echo -n $TOKEN | base64 -w0",
                "base64 <<< \"$TOKEN\"",
                "echo \"${TOKEN:0:4} ${TOKEN:4}\"",
                "echo \"$TOKEN\" | rev",
                "echo \"$TOKEN\" | xxd",
                "printenv TOKEN",
                "env",
                "env | sort",
                "printenv",
                "export -p",
                "cat /proc/self/environ",
                "set -x\ncurl -H \"Authorization: Bearer $TOKEN\" https://registry.example",
                "set -eux\nnpm publish --token \"$TOKEN\"",
                "T=\"$TOKEN\"\necho \"$T\"",
                "cat <<EOF\ntoken=$TOKEN\nEOF",
                "echo \"$TOKEN\" >> \"$GITHUB_STEP_SUMMARY\"",
                "for t in $TOKEN; do echo \"$t\"; done",
                "echo \"$(echo $TOKEN | base64)\"",
                "if true; then echo \"$TOKEN\"; fi",
                "echo \"$TOKEN\" > t.txt\ncat t.txt",
                "tee t.txt <<< \"$TOKEN\" > /dev/null\nbase64 t.txt",
            })
    @DisplayName("printed, encoded, dumped or traced: fails")
    void revealedSecretsFail(String script) {
        CheckResult result = grade(script);
        assertThat(result.verdict().status())
                .as(script + " -> " + result.message())
                .isEqualTo("fail");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "echo \"$TOKEN\" | docker login ghcr.io -u bot --password-stdin",
                "npm publish --token \"$TOKEN\"",
                "curl -fsS -H \"Authorization: Bearer $TOKEN\" https://registry.example",
                "echo \"//registry.npmjs.org/:_authToken=$TOKEN\" > ~/.npmrc",
                "echo \"region $REGION\"",
                "echo \"::add-mask::$TOKEN\"",
                "echo \"length ${#TOKEN}\"",
                "set -x\nnpm ci\nset +x\nnpm publish --token \"$TOKEN\"",
                "echo '$TOKEN is set'",
                "printenv REGION",
                "echo \"$TOKEN\" | sha256sum",
            })
    @DisplayName("handed to a program, written to a file, or never expanded: passes")
    void secretsKeptOutOfTheLogPass(String script) {
        CheckResult result = grade(script);
        assertThat(result.verdict().status())
                .as(script + " -> " + result.message())
                .isEqualTo("pass");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "say() { echo \"$1\"; }\nsay \"$TOKEN\"",
                "eval \"echo $TOKEN\"",
                "bash -c \"echo $TOKEN\"",
                "python3 -c \"print('$TOKEN')\"",
                "NAME=TOKEN\necho \"${!NAME}\"",
            })
    @DisplayName("what the grader cannot follow is said, and never passes")
    void unjudgeableUsesFailWithAReason(String script) {
        CheckResult result = grade(script);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("cannot");
    }
}
