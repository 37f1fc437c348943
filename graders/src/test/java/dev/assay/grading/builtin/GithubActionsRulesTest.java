package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.AWS;
import static dev.assay.grading.builtin.WorkflowRepo.CHECKOUT;
import static dev.assay.grading.builtin.WorkflowRepo.NODE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The remaining rules: a valid workflow, cache keys, the events a job runs for, pull requests and OIDC. */
class GithubActionsRulesTest {
    private static String status(String workflow, Map<String, Object> rules) {
        CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", rules);
        return result.verdict().status() + ": " + result.message();
    }

    @Nested
    @DisplayName("valid: a workflow GitHub accepts")
    class Valid {
        private static final Map<String, Object> RULE = Map.of("valid", true);

        @Test
        void aPlainWorkflowIsValid() {
            assertThat(status("on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n", RULE))
                    .startsWith("pass");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "on: push\njobs:\n  a: {runs-on: x, needs: gone, steps: [{run: make}]}\n|which is no job",
                    "on: push\njobs:\n  a: {runs-on: x, needs: b, steps: [{run: make}]}\n  b: {runs-on: x, needs: a, steps: [{run: make}]}\n|cycle",
                    "on: {push: {branches: [main], branches-ignore: [dev]}}\njobs:\n  a: {runs-on: x, steps: [{run: make}]}\n|both branches and branches-ignore",
                    "on: pushed\njobs:\n  a: {runs-on: x, steps: [{run: make}]}\n|not an event",
                    "on: push\njobs:\n  a: {steps: [{run: make}]}\n|no runs-on",
                    "on: push\njobs:\n  a: {runs-on: x, steps: [{run: make, uses: actions/x@v1}]}\n|exactly one",
                    "jobs:\n  a: {runs-on: x, steps: [{run: make}]}\n|no on:",
                    "on: push\njobs:\n  a: {runs-on: x, permissions: {contents: admin}, steps: [{run: make}]}\n|admin",
                    "on: push\njobs:\n  a: {runs-on: x, steps: [{uses: $/x@v1}]}\n|takes no @ref",
                })
        void refusedWorkflowsFail(String row) {
            String[] parts = row.split("\\|");
            assertThat(status(parts[0], RULE)).startsWith("fail").contains(parts[1]);
        }
    }

    @Nested
    @DisplayName("needs: the job waits for the other to pass")
    class Needs {
        private static final String WORKFLOW = """
                on: push
                jobs:
                  test: {runs-on: x, steps: [{run: make test}]}
                  image: {needs: test, runs-on: x, steps: [{run: make image}]}
                  deploy: {needs: [image], runs-on: x, steps: [{run: make deploy}]}
                """;

        @Test
        void throughAnotherJobPasses() {
            assertThat(status(WORKFLOW, Map.of("needs", Map.of("deploy", "test"))))
                    .startsWith("pass");
        }

        @Test
        void aStatusFunctionOnTheWayLetsItRunAfterAFailure() {
            String always = WORKFLOW.replace("image: {needs: test,", "image: {needs: test, if: always(),");
            assertThat(status(always, Map.of("needs", Map.of("deploy", "test"))))
                    .startsWith("fail")
                    .contains("runs even when test fails");
            String success = WORKFLOW.replace("image: {needs: test,", "image: {needs: test, if: success(),");
            assertThat(status(success, Map.of("needs", Map.of("deploy", "test"))))
                    .startsWith("pass");
        }
    }

    @Nested
    @DisplayName("caching with cacheKey: the cache is refreshed when the lockfile changes")
    class CacheKey {
        private static final Map<String, Object> RULE = Map.of("caching", true, "cacheKey", "package-lock.json");

        private String cache(String step) {
            return status("""
                    on: push
                    jobs:
                      a:
                        runs-on: x
                        steps:
                    %s
                    """.formatted(step.indent(6)), RULE);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "- uses: actions/cache@x\n  with: {path: ~/.npm, key: \"npm-${{ hashFiles('package-lock.json') }}\"}",
                    "- uses: actions/cache@x\n  with: {path: ~/.npm, key: \"${{ runner.os }}-${{ hashFiles('**/package-lock.json') }}\"}",
                    "- uses: actions/cache/restore@x\n  with: {path: ~/.npm, key: \"${{ hashFiles('./package-lock.json', 'x') }}\"}",
                    "- uses: " + NODE + "\n  with: {node-version: 20, cache: npm}",
                    "- uses: " + NODE + "\n  with: {cache: npm, cache-dependency-path: '**/package-lock.json'}",
                })
        void keyedOnTheLockfilePasses(String step) {
            assertThat(cache(step)).startsWith("pass");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "- uses: actions/cache@x\n  with: {path: ~/.npm, key: \"npm-${{ runner.os }}\"}",
                    "- uses: actions/cache@x\n  with: {path: ~/.npm, key: \"npm-${{ hashFiles('package.json') }}\"}",
                    "- uses: actions/cache@x\n  with: {path: ~/.npm, key: \"npm-hashFiles('package-lock.json')\"}",
                    "- uses: " + NODE + "\n  with: {cache: npm, cache-dependency-path: package.json}",
                    "- run: npm ci",
                })
        void otherKeysFail(String step) {
            assertThat(cache(step)).startsWith("fail");
        }
    }

    @Nested
    @DisplayName("jobEvents: the job surely runs for each event")
    class JobEvents {
        private static final Map<String, Object> RULE = Map.of("jobEvents", Map.of("test", "pull_request, push"));

        @Test
        void triggeredAndUnguardedPasses() {
            assertThat(status("on: [push, pull_request]\njobs:\n  test: {runs-on: x, steps: [{run: make}]}\n", RULE))
                    .startsWith("pass");
        }

        @Test
        void aGuardThatSkipsPullRequestsFails() {
            String workflow = "on: [push, pull_request]\njobs:\n  test:\n    if: github.event_name == 'push'\n"
                    + "    runs-on: x\n    steps: [{run: make}]\n";
            assertThat(status(workflow, RULE)).startsWith("fail").contains("does not run for pull_request");
        }

        @Test
        void pullRequestTargetIsNotPullRequest() {
            assertThat(status(
                            "on: [push, pull_request_target]\njobs:\n  test: {runs-on: x, steps: [{run: make}]}\n",
                            RULE))
                    .startsWith("fail");
        }
    }

    @Nested
    @DisplayName("pullRequestIsolation: a pull request's code never runs with secrets or the cloud role")
    class PullRequests {
        private static final Map<String, Object> RULE = Map.of("pullRequestIsolation", true);

        @Test
        void pullRequestTargetCheckingOutTheHeadWithASecretFails() {
            String workflow = """
                    on: pull_request_target
                    permissions: {contents: read}
                    jobs:
                      build:
                        runs-on: x
                        steps:
                          - uses: %s
                            with: {ref: "${{ github.event.pull_request.head.sha }}"}
                          - run: npm ci && ./publish.sh
                            env: {TOKEN: "${{ secrets.PUBLISH_TOKEN }}"}
                    """.formatted(CHECKOUT);
            assertThat(status(workflow, RULE)).startsWith("fail").contains("secrets.publish_token");
            assertThat(status(workflow.replace("with: {ref: \"${{ github.event.pull_request.head.sha }}\"}", ""), RULE))
                    .startsWith("pass");
        }

        @Test
        void aDeployGuardedToPushesPasses() {
            String workflow = """
                    on: [push, pull_request]
                    permissions: {contents: read}
                    jobs:
                      deploy:
                        if: github.event_name == 'push'
                        runs-on: x
                        permissions: {id-token: write}
                        steps: [{run: ./deploy.sh, env: {TOKEN: "${{ secrets.DEPLOY }}"}}]
                    """;
            assertThat(status(workflow, RULE)).startsWith("pass");
            assertThat(status(workflow.replace("if: github.event_name == 'push'", "if: true"), RULE))
                    .startsWith("fail")
                    .contains("id-token: write");
        }
    }

    @Nested
    @DisplayName("oidc: a role assumed with the job's token, no stored keys")
    class Oidc {
        private static final Map<String, Object> RULE = Map.of("oidc", true);

        private String deploy(String permissions, String with) {
            return status("""
                    on: push
                    jobs:
                      deploy:
                        runs-on: x
                        %s
                        steps:
                          - uses: %s
                            with: %s
                    """.formatted(permissions, AWS, with), RULE);
        }

        @Test
        void roleWithIdTokenPasses() {
            assertThat(deploy(
                            "permissions: {id-token: write}", "{role-to-assume: arn:aws:iam::1:role/r, aws-region: x}"))
                    .startsWith("pass");
        }

        @Test
        void roleWithoutIdTokenFails() {
            assertThat(deploy("permissions: {contents: read}", "{role-to-assume: arn:aws:iam::1:role/r}"))
                    .startsWith("fail");
        }

        @Test
        void keysUnderAnyNameFail() {
            assertThat(deploy(
                            "permissions: {id-token: write}",
                            "{role-to-assume: r, aws-access-key-id: \"${{ secrets.KEY_ID }}\","
                                    + " aws-secret-access-key: \"${{ secrets.KEY }}\"}"))
                    .startsWith("fail")
                    .contains("aws-secret-access-key");
        }
    }
}
