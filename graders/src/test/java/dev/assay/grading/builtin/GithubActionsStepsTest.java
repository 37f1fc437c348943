package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Observation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Steps are read wherever GitHub would run them, and structure the grader does not know is reported. */
class GithubActionsStepsTest {

    private static String observations(CheckResult result) {
        return String.join(
                "\n",
                result.observations().stream()
                        .map(o -> o.what() + ": " + o.value())
                        .toList());
    }

    @Nested
    @DisplayName("steps grouped under parallel: (run concurrently, documented workflow syntax)")
    class Parallel {
        private static final String WORKFLOW = """
                on: push
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                      - parallel:
                          - name: Build frontend
                            uses: actions/setup-node@v4
                          - name: Leak
                            run: echo "${{ secrets.NPM_TOKEN }}"
                      - run: npm test
                """.formatted(CHECKOUT);

        @Test
        void anUnpinnedActionInAParallelGroupIsFound() {
            CheckResult result = WorkflowRepo.ci(WORKFLOW).gradeFile("ci.yml", Map.of("pinnedActions", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("actions/setup-node@v4");
        }

        @Test
        void aSecretEchoedInAParallelGroupIsFound() {
            CheckResult result = WorkflowRepo.ci(WORKFLOW).gradeFile("ci.yml", Map.of("noSecretEcho", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("steps[1].parallel[1]");
        }

        @Test
        void backgroundAndWaitStepsAreKnownSyntax() {
            String workflow = """
                    on: push
                    permissions: {contents: read}
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - id: server
                            run: npm start
                            background: true
                          - run: npm test
                          - wait: server
                          - wait-all:
                          - cancel: server
                    """;
            CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", Map.of("valid", true));
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("structure GitHub does not document is read, reported, and never passes silently")
    class Unknown {
        @Test
        void stepsUnderAnUnknownKeyAreStillReadAndReported() {
            String workflow = """
                    on: push
                    permissions: {contents: read}
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - parallel:
                              - sequential:
                                  - run: echo ${{ secrets.DEPLOY_KEY }}
                    """;
            CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", Map.of("noSecretEcho", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(observations(result)).contains("sequential");
        }

        @Test
        @DisplayName("the merge key << is refused by GitHub, so a guard merged in by SnakeYAML is not read")
        void mergeKeysAreRefused() {
            String workflow = """
                    on: [push, pull_request]
                    x-guard: &guard
                      if: github.ref == 'refs/heads/main'
                    jobs:
                      deploy:
                        <<: *guard
                        runs-on: ubuntu-latest
                        steps: [{run: ./deploy.sh}]
                    """;
            CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", Map.of("deployOnlyFrom", "main"));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("merge key");
        }

        @Test
        void stepsInAMappingOrJobsInAListAreStillRead() {
            for (String workflow : List.of(
                    "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      leak: {run: 'echo ${{ secrets.A }}'}\n",
                    "on: push\njobs:\n  - runs-on: x\n    steps: [{run: 'echo ${{ secrets.A }}'}]\n")) {
                CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", Map.of("noSecretEcho", true));
                assertThat(result.verdict().status()).as(workflow).isEqualTo("fail");
                assertThat(observations(result)).contains("GitHub refuses the workflow");
            }
        }

        @Test
        void anUnknownStepKeyMakesTheWorkflowInvalid() {
            String workflow = """
                    on: push
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - run: npm test
                            retry: 3
                    """;
            CheckResult result = WorkflowRepo.ci(workflow).gradeFile("ci.yml", Map.of("valid", true));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("retry");
        }
    }

    @Test
    void everyObservationNamesWhatWasRead() {
        CheckResult result = WorkflowRepo.ci(Parallel.WORKFLOW).gradeFile("ci.yml", Map.of("pinnedActions", true));
        assertThat(result.observations()).extracting(Observation::what).contains("pinnedActions");
        assertThat(result.evidence()).isNotEmpty();
    }
}
