package dev.assay.grading.builtin;

import static dev.assay.grading.builtin.WorkflowRepo.AWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The token each job gets, as GitHub computes it: the job's own permissions, else the workflow's, else the default. */
class GithubActionsPermissionsTest {
    private static final Map<String, Object> RULE = Map.of("leastPrivilege", true, "allowWrite", List.of("id-token"));

    private static CheckResult grade(String workflowPermissions, String testPermissions, String deployPermissions) {
        String workflow = """
                on: push
                %s
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    %s
                    steps:
                      - run: npm test
                  deploy:
                    runs-on: ubuntu-latest
                    %s
                    steps:
                      - uses: %s
                        with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
                """.formatted(workflowPermissions, testPermissions, deployPermissions, AWS);
        return WorkflowRepo.ci(workflow).gradeFile("ci.yml", RULE);
    }

    @Test
    @DisplayName("read-all reads every scope: broader than least privilege")
    void readAllIsNotLeastPrivilege() {
        CheckResult result = grade("permissions: read-all", "", "permissions: {id-token: write, contents: read}");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("read-all");
    }

    @Test
    void writeAllFails() {
        CheckResult result = grade("permissions: write-all", "", "permissions: {id-token: write}");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("write-all").contains("test");
    }

    @Test
    @DisplayName("no permissions at either level: the job gets the repository's default token")
    void missingPermissionsMeanTheDefaultToken() {
        CheckResult result = grade("", "", "permissions: {id-token: write, contents: read}");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("test").contains("default");
    }

    @Test
    @DisplayName("a job's own permissions replace the workflow's")
    void jobLevelOverridesWorkflowLevel() {
        CheckResult result =
                grade("permissions: write-all", "permissions: {contents: read}", "permissions: {id-token: write}");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        CheckResult broader = grade(
                "permissions: {contents: read}", "permissions: {contents: write}", "permissions: {id-token: write}");
        assertThat(broader.verdict().status()).isEqualTo("fail");
        assertThat(broader.message()).contains("contents: write");
    }

    @Test
    void noTokenAtAllIsTheLeast() {
        CheckResult result = grade("permissions: {}", "", "permissions: {id-token: write}");
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    @DisplayName("id-token: write on a job that never asks for a token is more than it needs")
    void idTokenWhereNothingUsesIt() {
        CheckResult result = grade("permissions: {contents: read, id-token: write}", "", "");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("test").contains("id-token");
    }

    @Test
    void anInvalidValueFails() {
        CheckResult result = grade("permissions: {contents: admin}", "", "permissions: {id-token: write}");
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("admin");
    }

    @Test
    @DisplayName("a reusable workflow that declares no permissions gets its caller's token")
    void aCalledWorkflowInheritsTheCallersToken() {
        String caller = """
                on: push
                permissions: {contents: read}
                jobs:
                  deploy:
                    permissions: {contents: read, id-token: write}
                    uses: ./.github/workflows/deploy.yml
                """;
        String called = """
                on: workflow_call
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: %s
                        with: {role-to-assume: "arn:aws:iam::111122223333:role/deploy", aws-region: eu-west-1}
                """.formatted(AWS);
        Map<String, Object> rules = Map.of("leastPrivilege", true, "allowWrite", List.of("id-token"), "oidc", true);
        CheckResult result =
                WorkflowRepo.ci(caller).workflow("deploy.yml", called).gradeFile("ci.yml", rules);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        CheckResult uncalled = WorkflowRepo.ci(called).gradeFile("ci.yml", rules);
        assertThat(uncalled.message()).contains("default token");
    }
}
