package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.AWS;
import static dev.assay.grading.builtin.WorkflowRepo.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GitHub runs every workflow of .github/workflows and every local action they use: so does the grader. */
class GithubActionsRepositoryTest {
    private static final String CI = """
            on:
              pull_request:
              push:
                branches: [main]
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: %s
                  - run: npm ci && npm test
              deploy:
                needs: test
                if: github.ref == 'refs/heads/main'
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: %s
                    with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
                  - run: ./deploy.sh
            """.formatted(CHECKOUT, AWS);

    private static final Map<String, Object> DEPLOY = Map.of("deployOnlyFrom", "main", "deployJobs", List.of("deploy"));

    @Nested
    @DisplayName("a directory path grades every workflow file in it")
    class Directory {
        @Test
        void aSecondWorkflowThatEchoesASecretFails() {
            WorkflowRepo repo = WorkflowRepo.ci(CI).workflow("debug.yaml", """
                    on: workflow_dispatch
                    permissions: {}
                    jobs:
                      debug:
                        runs-on: ubuntu-latest
                        steps:
                          - run: echo "${{ secrets.DEPLOY_TOKEN }}" | base64
                    """);
            assertThat(repo.gradeFile("ci.yml", Map.of("noSecretEcho", true))
                            .verdict()
                            .status())
                    .isEqualTo("pass");
            CheckResult all = repo.gradeDirectory(Map.of("noSecretEcho", true));
            assertThat(all.verdict().status()).isEqualTo("fail");
            assertThat(all.message()).contains("debug.yaml");
        }

        @Test
        void aSecondWorkflowThatDeploysFromAnyBranchFails() {
            WorkflowRepo repo = WorkflowRepo.ci(CI).workflow("hotfix.yml", """
                    on: push
                    permissions: {contents: read, id-token: write}
                    jobs:
                      ship:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: %s
                            with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
                          - run: ./deploy.sh
                    """.formatted(AWS));
            assertThat(repo.gradeFile("ci.yml", DEPLOY).verdict().status()).isEqualTo("pass");
            CheckResult all = repo.gradeDirectory(DEPLOY);
            assertThat(all.verdict().status()).isEqualTo("fail");
            assertThat(all.message()).contains("hotfix.yml").contains("ship");
        }

        @Test
        void filesOutsideTheTopLevelOrWithOtherExtensionsAreNotWorkflows() {
            WorkflowRepo repo = WorkflowRepo.ci(CI)
                    .workflow(
                            "old/leak.yml",
                            "on: push\njobs: {x: {runs-on: a, steps: [{run: 'echo ${{ secrets.A }}'}]}}")
                    .workflow("notes.txt", "echo ${{ secrets.A }}");
            assertThat(repo.gradeDirectory(Map.of("noSecretEcho", true))
                            .verdict()
                            .status())
                    .isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("deploy only from main, judged from triggers and conditions as GitHub would run them")
    class DeployOnlyFrom {
        private CheckResult deploy(String on, String condition) {
            String workflow = """
                    on: %s
                    permissions: {contents: read}
                    jobs:
                      deploy:
                        %s
                        runs-on: ubuntu-latest
                        steps:
                          - run: ./deploy.sh
                    """.formatted(on, condition);
            return WorkflowRepo.ci(workflow).gradeDirectory(DEPLOY);
        }

        @Test
        void aTriggerFilteredToMainSuffices() {
            assertThat(deploy("{push: {branches: [main]}}", "").verdict().status())
                    .isEqualTo("pass");
        }

        @Test
        void aJobConditionOnTheRefSuffices() {
            CheckResult result = deploy("[push, pull_request]", "if: github.ref == 'refs/heads/main'");
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }

        @Test
        void unfilteredPushesDeployFromEveryBranch() {
            CheckResult result = deploy("push", "");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("push");
        }

        @Test
        void branchesIgnoreStillAdmitsOtherBranches() {
            assertThat(deploy("{push: {branches-ignore: [dev]}}", "").verdict().status())
                    .isEqualTo("fail");
        }

        @Test
        void aPrefixTestAdmitsMainLookalikes() {
            assertThat(deploy("push", "if: startsWith(github.ref, 'refs/heads/main')")
                            .verdict()
                            .status())
                    .isEqualTo("fail");
        }

        @Test
        void workflowDispatchRunsOnAnyBranchChosen() {
            assertThat(deploy("{push: {branches: [main]}, workflow_dispatch: {}}", "")
                            .verdict()
                            .status())
                    .isEqualTo("fail");
            assertThat(deploy("{push: {branches: [main]}, workflow_dispatch: {}}", "if: github.ref_name == 'main'")
                            .verdict()
                            .status())
                    .isEqualTo("pass");
        }

        @Test
        @DisplayName("pull_request_target runs with the base branch's ref: a ref test does not keep pull requests out")
        void pullRequestTargetPassesARefGuard() {
            CheckResult result =
                    deploy("{pull_request_target: {branches: [main]}}", "if: github.ref == 'refs/heads/main'");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("pull_request_target");
        }

        @Test
        void aGuardedUpstreamJobGuardsTheJobsThatNeedIt() {
            String workflow = """
                    on: [push, pull_request]
                    permissions: {contents: read}
                    jobs:
                      image:
                        if: github.event_name == 'push' && github.ref == 'refs/heads/main'
                        runs-on: ubuntu-latest
                        steps: [{run: ./build.sh}]
                      deploy:
                        needs: image
                        runs-on: ubuntu-latest
                        steps: [{run: ./deploy.sh}]
                    """;
            assertThat(WorkflowRepo.ci(workflow)
                            .gradeDirectory(DEPLOY)
                            .verdict()
                            .status())
                    .isEqualTo("pass");
            CheckResult always = WorkflowRepo.ci(workflow.replace("needs: image", "needs: image\n    if: always()"))
                    .gradeDirectory(DEPLOY);
            assertThat(always.verdict().status()).isEqualTo("fail");
        }
    }

    @Nested
    @DisplayName("a local composite action's steps count as the workflow's")
    class Composite {
        private static final String WORKFLOW = """
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                      - uses: ./.github/actions/setup
                        with:
                          token: ${{ secrets.NPM_TOKEN }}
                """.formatted(CHECKOUT);

        private CheckResult grade(String steps, Map<String, Object> rules) {
            String action = """
                    name: setup
                    inputs:
                      token: {description: registry token, required: true}
                    runs:
                      using: composite
                      steps:
                    %s
                    """.formatted(steps.indent(4));
            return WorkflowRepo.ci(WORKFLOW)
                    .file(".github/actions/setup/action.yml", action)
                    .gradeFile("ci.yml", rules);
        }

        @Test
        void anUnpinnedActionInsideFails() {
            CheckResult result = grade("- uses: actions/setup-node@v4", Map.of("pinnedActions", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("actions/setup-node@v4").contains("./.github/actions/setup");
        }

        @Test
        void aSecretInputEchoedInsideFails() {
            CheckResult result =
                    grade("- run: echo \"${{ inputs.token }}\"\n  shell: bash", Map.of("noSecretEcho", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
        }

        @Test
        void aMissingLocalActionCannotBeJudged() {
            CheckResult result = WorkflowRepo.ci(WORKFLOW).gradeFile("ci.yml", Map.of("pinnedActions", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("./.github/actions/setup");
        }
    }
}
