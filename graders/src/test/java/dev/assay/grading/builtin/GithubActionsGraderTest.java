package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GithubActionsGraderTest {
    private final GithubActionsGrader grader = new GithubActionsGrader();
    private static final String PATH = "/repo/.github/workflows/ci.yml";
    private static final String CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683";
    private static final String NODE = "actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af";
    private static final String AWS = "aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502";

    private static final String GOOD = """
            name: ci
            on:
              pull_request:
              push:
                branches: [main]
            permissions:
              contents: read
            concurrency:
              group: ci-${{ github.ref }}
              cancel-in-progress: true
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: %s
                  - uses: %s
                    with: {node-version: 20, cache: npm}
                  - run: npm ci && npm test
              image:
                needs: test
                runs-on: ubuntu-latest
                steps:
                  - uses: %s
              deploy:
                needs: image
                if: github.ref == 'refs/heads/main'
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                  id-token: write
                steps:
                  - uses: %s
                    with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
                  - run: echo "deploying ${{ github.sha }}"
            """.formatted(CHECKOUT, NODE, CHECKOUT, AWS);

    private static final Map<String, Object> ALL_RULES = Map.of(
            "path", PATH,
            "triggers", List.of("pull_request", "push"),
            "needs", Map.of("deploy", "test"),
            "pinnedActions", true,
            "leastPrivilege", true,
            "allowWrite", List.of("id-token"),
            "oidc", true,
            "noSecretEcho", true,
            "caching", true,
            "concurrency", true);

    private CheckResult grade(String workflow) {
        return grader.grade(WorkflowRepo.ci(workflow).lab(), ALL_RULES);
    }

    @Test
    @DisplayName("a workflow that is a link out of .github/workflows is not read as the workflow GitHub runs")
    void aLinkOutOfTheWorkflowsDirectoryIsNotAWorkflow() {
        CheckResult result = new WorkflowRepo()
                .workflow("release.yml", GOOD)
                .linkOut(".github/workflows/ci.yml", GOOD)
                .gradeFile("ci.yml", ALL_RULES);
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("symbolic link out of .github/workflows");
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("path", PATH, "pinnedActions", true));
    }

    @Test
    void aCarefulWorkflowHoldsEveryRule() {
        CheckResult result = grade(GOOD);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.message()).isEqualTo("all 8 rules hold");
    }

    @Test
    void nearMissATagPinLosesOneRule() {
        CheckResult result = grade(GOOD.replace(CHECKOUT, "actions/checkout@v4"));
        assertThat(result.verdict().status()).isEqualTo("partial");
        assertThat(result.verdict().credit()).contains(7.0 / 8);
        assertThat(result.message())
                .contains("jobs.test.steps[0]: actions/checkout@v4 is not pinned to a full commit SHA")
                .contains("jobs.image.steps[0]: actions/checkout@v4 is not pinned");
    }

    /** The same pipeline written differently: list triggers, actions/cache, job-level permissions only. */
    private static final String ALTERNATIVE = """
            on: [push, pull_request]
            concurrency: ci
            jobs:
              test:
                runs-on: ubuntu-latest
                permissions: {contents: read}
                steps:
                  - uses: %s
                  - uses: actions/cache@1bd1e32a3bdc45362d1e726936510720a7c30a57
                    with: {path: ~/.npm, key: npm}
                  - run: npm ci && npm test
              deploy:
                needs: [test]
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: %s
                    with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
            """.formatted(CHECKOUT, AWS);

    @Test
    void aCorrectAlternativeInOtherSyntaxPasses() {
        CheckResult result = grade(ALTERNATIVE);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    /** Long-lived keys, a secret echoed, write-all: three rules broken. */
    private static final String RISKY = """
            on: [push, pull_request]
            permissions: write-all
            concurrency: ci
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: %s
                  - uses: %s
                    with: {node-version: 20, cache: npm}
              deploy:
                needs: test
                runs-on: ubuntu-latest
                steps:
                  - uses: %s
                    with:
                      aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
                      aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                      aws-region: eu-west-1
                  - run: echo "key ${{ secrets.AWS_SECRET_ACCESS_KEY }}"
            """.formatted(CHECKOUT, NODE, AWS);

    @Test
    void longLivedKeysEchoedSecretsAndWriteAllAreCaught() {
        CheckResult result = grade(RISKY);
        assertThat(result.message())
                .contains("aws-secret-access-key (a long-lived key)")
                .contains("jobs.deploy.steps[1]: `echo \"key ${{ secrets.AWS_SECRET_ACCESS_KEY }}\"` prints a secret")
                .contains("jobs.test: permissions write-all");
        assertThat(result.verdict().credit()).contains(5.0 / 8);
    }

    @Test
    void jobOrderIsFollowedThroughOtherJobs() {
        assertThat(grader.grade(WorkflowRepo.ci(GOOD).lab(), Map.of("path", PATH, "needs", Map.of("deploy", "test")))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        CheckResult reversed =
                grader.grade(WorkflowRepo.ci(GOOD).lab(), Map.of("path", PATH, "needs", Map.of("test", "deploy")));
        assertThat(reversed.message()).contains("test does not wait for deploy");
    }

    @Test
    void missingAndBrokenWorkflowsFail() {
        assertThat(grader.grade(
                                new WorkflowRepo()
                                        .workflow("other.yml", "on: push")
                                        .lab(),
                                Map.of("path", PATH, "caching", true))
                        .message())
                .contains("does not exist");
        assertThat(grader.grade(new FixtureLab(), Map.of("path", PATH, "caching", true))
                        .message())
                .contains("there is no directory /repo/.github/workflows");
        assertThat(grader.grade(WorkflowRepo.ci("jobs: [unclosed").lab(), Map.of("path", PATH, "caching", true))
                        .message())
                .contains("not valid YAML");
        assertThat(grader.parameters().check(Map.of("path", PATH))).isNotEmpty();
    }
}
