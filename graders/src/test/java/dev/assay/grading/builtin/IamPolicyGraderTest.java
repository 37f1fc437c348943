package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IamPolicyGraderTest {
    private final IamPolicyGrader grader = new IamPolicyGrader();
    private static final String PATH = "/root/deployer-policy.json";

    /** The CI deployer: one S3 prefix and one CloudFront invalidation, nothing else. */
    private static final List<Map<String, Object>> TABLE = List.of(
            Map.of("action", "s3:PutObject", "resource", "arn:aws:s3:::site/releases/app.js", "expect", "allow"),
            Map.of(
                    "action",
                    "cloudfront:CreateInvalidation",
                    "resource",
                    "arn:aws:cloudfront::111122223333:distribution/E1",
                    "expect",
                    "allow"),
            Map.of("action", "s3:PutObject", "resource", "arn:aws:s3:::site/index.html", "expect", "deny"),
            Map.of("action", "s3:DeleteBucket", "resource", "arn:aws:s3:::site", "expect", "deny"),
            Map.of("action", "iam:PassRole", "resource", "arn:aws:iam::111122223333:role/admin", "expect", "deny"));

    private static final String LEAST = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::site/releases/*"},
              {"Effect": "Allow", "Action": "cloudfront:CreateInvalidation",
               "Resource": "arn:aws:cloudfront::111122223333:distribution/E1"}]}
            """;

    private CheckResult grade(FixtureLab lab) {
        return grader.grade(lab, Map.of("policy", PATH, "requests", TABLE));
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("policy", PATH, "requests", TABLE));
    }

    @Test
    void leastPrivilegePasses() {
        CheckResult result = grade(new FixtureLab().file(PATH, LEAST));
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(result.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.ref()).isEqualTo(PATH));
    }

    @Test
    void aCorrectAlternativeWithAnExplicitDenyPasses() {
        String alternative = """
                {"Statement": [
                  {"Effect": "Allow", "Action": ["s3:PutObject", "cloudfront:CreateInvalidation"],
                   "Resource": ["arn:aws:s3:::site/releases/*", "arn:aws:cloudfront::111122223333:distribution/E1"]},
                  {"Effect": "Deny", "NotAction": ["s3:PutObject", "cloudfront:CreateInvalidation"], "Resource": "*"}]}
                """;
        assertThat(grade(new FixtureLab().file(PATH, alternative)).verdict().status())
                .isEqualTo("pass");
    }

    @Test
    void nearMissTooBroadEarnsOnlyTheRowsItGetsRight() {
        String broad = """
                {"Statement": [{"Effect": "Allow", "Action": ["s3:*", "cloudfront:*"], "Resource": "*"}]}
                """;
        CheckResult result = grade(new FixtureLab().file(PATH, broad));
        assertThat(result.verdict().status()).isEqualTo("partial");
        assertThat(result.verdict().credit()).contains(3.0 / 5);
        assertThat(result.message())
                .contains("2 of 5 requests decided wrongly")
                .contains("s3:PutObject on arn:aws:s3:::site/index.html is allow");
    }

    @Test
    void withoutPartialCreditAPolicyThatAllowsNothingEarnsNothing() {
        String empty = "{\"Version\": \"2012-10-17\", \"Statement\": []}";
        CheckResult partial = grade(new FixtureLab().file(PATH, empty));
        assertThat(partial.verdict().status())
                .as("denies are right, allows wrong")
                .isEqualTo("partial");
        CheckResult strict = grader.grade(
                new FixtureLab().file(PATH, empty), Map.of("policy", PATH, "requests", TABLE, "partialCredit", false));
        assertThat(strict.verdict().status()).isEqualTo("fail");
        assertThat(strict.verdict().credit()).contains(0.0);
        assertThat(strict.message()).contains("s3:PutObject on arn:aws:s3:::site/releases/app.js is implicit deny");
    }

    @Test
    void missingInvalidAndMalformedPoliciesFail() {
        assertThat(grade(new FixtureLab()).message()).contains("does not exist");
        assertThat(grade(new FixtureLab().file(PATH, "{not json")).message()).contains("not valid JSON");
        assertThat(grade(new FixtureLab().file(PATH, "{\"Statement\": [{\"Action\": \"*\", \"Resource\": \"*\"}]}"))
                        .message())
                .contains("not a policy IAM accepts: Statement[0]: Effect must be Allow or Deny");
        assertThat(grade(new FixtureLab().refused(PATH, "a symbolic link"))
                        .verdict()
                        .status())
                .isEqualTo("fail");
    }

    @Test
    void theTableIsCheckedWhenTheLabLoads() {
        assertThat(grader.parameters().check(Map.of("policy", PATH, "requests", List.of())))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("policy", PATH, "requests", List.of(Map.of("action", "s3:x")))))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("policy", "relative.json", "requests", TABLE)))
                .isNotEmpty();
    }

    @Nested
    @DisplayName("A deny row must hold in every context the row leaves open")
    class ConditionSweep {
        private static final List<Map<String, Object>> DENIES = List.of(
                Map.of("action", "s3:DeleteObject", "resource", "arn:aws:s3:::site/releases/app.js", "expect", "deny"),
                Map.of("action", "iam:PassRole", "resource", "arn:aws:iam::111122223333:role/admin", "expect", "deny"));

        private CheckResult gradeDenies(String policy) {
            return grader.grade(
                    new FixtureLab().file(PATH, policy),
                    Map.of("policy", PATH, "requests", DENIES, "partialCredit", false));
        }

        @Test
        void anAllowThatOnlyNeedsSecureTransportFails() {
            CheckResult result = gradeDenies("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
                      "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}
                    """);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("aws:SecureTransport=true");
        }

        @Test
        void aDenyThatOnlyHoldsWithoutASourceIpFails() {
            CheckResult result = gradeDenies("""
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "*", "Resource": "*"},
                      {"Effect": "Deny", "Action": "*", "Resource": "*",
                       "Condition": {"Null": {"aws:SourceIp": "true"}}}]}
                    """);
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("aws:SourceIp=");
        }
    }

    @Nested
    @DisplayName("A policy AWS would refuse fails with what and where, whatever the rows ask")
    class Refused {
        @Test
        void aMisspeltOperatorOnAKeyNoRowGivesFails() {
            String policy = """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::site/releases/*"},
                      {"Effect": "Allow", "Action": "cloudfront:CreateInvalidation",
                       "Resource": "arn:aws:cloudfront::111122223333:distribution/E1"},
                      {"Effect": "Deny", "Action": "*", "Resource": "*",
                       "Condition": {"StringNotEqual": {"aws:PrincipalTag/team": "ci"}}}]}
                    """;
            CheckResult result = grade(new FixtureLab().file(PATH, policy));
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains("StringNotEqual").contains("Statement[2]");
        }

        @Test
        void anIsoDateWithoutTimeDoesNotSinkTheCheck() {
            String policy = """
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                      "Resource": "arn:aws:s3:::site/releases/*",
                      "Condition": {"DateLessThan": {"aws:CurrentTime": "2099-01-01"}}}]}
                    """;
            List<Map<String, Object>> rows = List.of(Map.of(
                    "action", "s3:PutObject",
                    "resource", "arn:aws:s3:::site/releases/app.js",
                    "expect", "allow",
                    "context", Map.of("aws:CurrentTime", "2026-11-27T10:00:00Z")));
            CheckResult result =
                    grader.grade(new FixtureLab().file(PATH, policy), Map.of("policy", PATH, "requests", rows));
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
        }
    }

    @Nested
    @DisplayName("Several policies of one principal are decided together")
    class Together {
        private static final String DEPLOY = "/root/review/dev-deploy.json";
        private static final String IAM = "/root/review/dev-iam.json";

        private CheckResult gradeBoth(String deploy, String iam) {
            List<Map<String, Object>> rows = List.of(
                    Map.of(
                            "action",
                            "lambda:CreateFunction",
                            "resource",
                            "arn:aws:lambda:eu-west-1:111122223333:function:dev-a",
                            "expect",
                            "allow"),
                    Map.of("action", "iam:GetRole", "resource", "arn:aws:iam::111122223333:role/x", "expect", "allow"),
                    Map.of(
                            "action",
                            "iam:PassRole",
                            "resource",
                            "arn:aws:iam::111122223333:role/admin",
                            "expect",
                            "deny"));
            return grader.grade(
                    new FixtureLab().file(DEPLOY, deploy).file(IAM, iam),
                    Map.of("policies", List.of(DEPLOY, IAM), "requests", rows));
        }

        @Test
        void aDenyInOneFileOverridesAnAllowInTheOther() {
            CheckResult result = gradeBoth("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["lambda:*", "iam:PassRole"],
                      "Resource": "*"}]}
                    """, """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
                      {"Sid": "NoPassingAdmin", "Effect": "Deny", "Action": "iam:PassRole",
                       "Resource": "arn:aws:iam::111122223333:role/admin"}]}
                    """);
            assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
            assertThat(result.observations())
                    .anySatisfy(o -> assertThat(o.value()).contains("dev-iam.json:"));
        }

        @Test
        void aBlanketDenyInTheReadPolicyBreaksTheDeploy() {
            CheckResult result = gradeBoth("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "lambda:*", "Resource": "*"}]}
                    """, """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"},
                      {"Sid": "ReadOnly", "Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"], "Resource": "*"}]}
                    """);
            assertThat(result.message())
                    .contains("lambda:CreateFunction")
                    .contains("explicit deny by [dev-iam.json:ReadOnly]");
        }

        @Test
        void aRefusedFileFailsTheCheck() {
            CheckResult result = gradeBoth("{\"Statement\": []}", "{\"Statement\": [{\"Effect\": \"Allow\"}]}");
            assertThat(result.verdict().status()).isEqualTo("fail");
            assertThat(result.message()).contains(IAM + " is not a policy IAM accepts");
        }

        @Test
        void exactlyOneOfPolicyAndPoliciesIsGiven() {
            assertThat(grader.parameters().check(Map.of("policy", PATH, "policies", List.of(PATH), "requests", TABLE)))
                    .isNotEmpty();
            assertThat(grader.parameters().check(Map.of("policies", List.of("relative.json"), "requests", TABLE)))
                    .isNotEmpty();
        }
    }
}
