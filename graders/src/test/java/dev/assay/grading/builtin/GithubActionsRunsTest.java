package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A job runs a command, judged on the shell's words, and a failure of it fails the job as bash would run it. */
class GithubActionsRunsTest {
    private static final String TESTS = "npm test | npm run test | npm t | node --test";

    private static CheckResult grade(String step, boolean failOnError) {
        String workflow = """
                on: [push, pull_request]
                permissions: {contents: read}
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm ci
                %s
                """.formatted(step.indent(6));
        Map<String, Object> rules = failOnError
                ? Map.of("runs", Map.of("test", TESTS), "failOnError", true)
                : Map.of("runs", Map.of("test", TESTS));
        return WorkflowRepo.ci(workflow).gradeFile("ci.yml", rules);
    }

    @Nested
    @DisplayName("the command is run")
    class Runs {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "- run: npm test",
                    "- run: npm run test -- --reporter=spec",
                    "- run: cd . && npm t",
                    "- run: |\n    set -euo pipefail\n    npm ci\n    npm test 2>&1 | tee report.txt",
                    "- run: node --test test/",
                    "- name: tests\n  if: always()\n  run: npm test",
                })
        void commandsThatRunPass(String step) {
            CheckResult result = grade(step, false);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "- run: echo npm test",
                    "- run: echo \"npm test\" > /dev/null",
                    "- run: '# npm test'",
                    "- run: npm run test:unit",
                    "- if: false\n  run: npm test",
                    "- if: ${{ false }}\n  run: npm test",
                    "- run: npm test\n  shell: pwsh",
                    "- run: 'f() { npm test; }'",
                })
        void commandsThatDoNotRunFail(String step) {
            CheckResult result = grade(step, false);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
            assertThat(result.message()).contains("does not run");
        }
    }

    @Nested
    @DisplayName("a failure of the command fails the job")
    class FailOnError {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "- run: npm test",
                    "- run: npm test 2>&1 | tee report.txt\n  shell: bash",
                    "- run: |\n    set -o pipefail\n    npm test | tee report.txt",
                    "- run: npm test || exit 1",
                    "- run: |\n    npm test\n    echo done",
                    "- run: npm test && echo passed",
                    "- run: npm test > report.txt",
                })
        void failuresThatPropagatePass(String step) {
            CheckResult result = grade(step, true);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }

        static Stream<Arguments> swallowed() {
            return Stream.of(
                    Arguments.of("- run: npm test 2>&1 | tee report.txt", "piped into `tee` without pipefail"),
                    Arguments.of("- run: npm test | tee report.txt\n  shell: sh", "without pipefail"),
                    Arguments.of("- run: npm test || true", "handled by `|| true`"),
                    Arguments.of("- run: npm test || echo failed", "handled by `|| echo`"),
                    Arguments.of("- run: npm test\n  continue-on-error: true", "continue-on-error"),
                    Arguments.of("- run: |\n    npm test\n    echo done\n  shell: bash {0}", "no -e"),
                    Arguments.of("- run: |\n    set +e\n    npm test\n    echo done", "no -e"),
                    Arguments.of("- run: |\n    npm test && echo passed\n    echo next", "left of &&"),
                    Arguments.of("- run: |\n    if npm test; then echo ok; fi", "condition"),
                    Arguments.of("- run: npm test &", "background"),
                    Arguments.of("- run: '! npm test'", "negated"),
                    Arguments.of("- run: |\n    exit 0\n    npm test", "an earlier exit"));
        }

        @ParameterizedTest
        @MethodSource("swallowed")
        void failuresThatAreSwallowedFail(String step, String reason) {
            CheckResult result = grade(step, true);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
            assertThat(result.message()).contains(reason);
        }
    }
}
