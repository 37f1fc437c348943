package dev.assay.grading.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.iam.IamPolicy.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluator against a table of policies and requests, each decision as AWS documents it. */
class IamPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> POLICIES =
            Map.of("deployer", """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::site",
               "Condition": {"StringLike": {"s3:prefix": ["releases/*"]}}},
              {"Sid": "Write", "Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"],
               "Resource": "arn:aws:s3:::site/releases/*"},
              {"Sid": "Invalidate", "Effect": "Allow", "Action": "cloudfront:CreateInvalidation",
               "Resource": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"},
              {"Sid": "NoDeleteBucket", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}
            """, "admin-guarded", """
            {"Statement": [
              {"Sid": "All", "Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Sid": "DenyIam", "Effect": "Deny", "Action": "iam:*", "Resource": "*"},
              {"Sid": "Region", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
               "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]}
            """, "not-resource", """
            {"Statement": {"Effect": "Allow", "Action": "s3:*",
              "NotResource": ["arn:aws:s3:::secrets", "arn:aws:s3:::secrets/*"]}}
            """, "conditions", """
            {"Statement": [
              {"Sid": "TlsOnly", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
               "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
              {"Sid": "Office", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}},
              {"Sid": "Mfa", "Effect": "Allow", "Action": "ec2:StopInstances", "Resource": "*",
               "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"},
                             "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}},
              {"Sid": "Tags", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
               "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}},
              {"Sid": "AnyTag", "Effect": "Allow", "Action": "ec2:DeleteTags", "Resource": "*",
               "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["temp"]}}},
              {"Sid": "Small", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*",
               "Condition": {"StringEqualsIfExists": {"ec2:InstanceType": ["t3.micro"]}}},
              {"Sid": "Owner", "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*",
               "Condition": {"Null": {"aws:RequestTag/owner": "true"}}},
              {"Sid": "Before", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
               "Condition": {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}}]}
            """, "wildcards", """
            {"Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "logs:Get?ogEvents"],
              "Resource": "arn:aws:logs:eu-*:111122223333:log-group:/app/*"}]}
            """);

    private static final String SITE = "arn:aws:s3:::site";
    private static final String LOGS = "arn:aws:logs:eu-west-1:111122223333:log-group:/app/web:log-stream:x";

    private static Map<String, List<String>> ctx(String... pairs) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            context.put(pairs[i], List.of(pairs[i + 1].split(",")));
        }
        return context;
    }

    private static Arguments row(
            String policy, String action, String resource, Map<String, List<String>> context, Decision expected) {
        return Arguments.of(policy, action, resource, context, expected);
    }

    static Stream<Arguments> s3AndDenies() {
        Decision allow = Decision.ALLOW;
        Decision implicit = Decision.IMPLICIT_DENY;
        Decision explicit = Decision.EXPLICIT_DENY;
        return Stream.of(
                row("deployer", "s3:PutObject", SITE + "/releases/app.js", ctx(), allow),
                row("deployer", "s3:PutObject", SITE + "/other/app.js", ctx(), implicit),
                row("deployer", "s3:GetObject", SITE + "/releases/a/b/c.css", ctx(), allow),
                row("deployer", "s3:DeleteObject", SITE + "/releases/app.js", ctx(), implicit),
                row("deployer", "s3:ListBucket", SITE, ctx("s3:prefix", "releases/2026"), allow),
                row("deployer", "s3:ListBucket", SITE, ctx("s3:prefix", "secrets/"), implicit),
                row("deployer", "s3:ListBucket", SITE, ctx(), implicit),
                row(
                        "deployer",
                        "cloudfront:CreateInvalidation",
                        "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE",
                        ctx(),
                        allow),
                row(
                        "deployer",
                        "cloudfront:CreateInvalidation",
                        "arn:aws:cloudfront::111122223333:distribution/OTHER",
                        ctx(),
                        implicit),
                row("deployer", "s3:DeleteBucket", SITE, ctx(), explicit),
                row("deployer", "S3:PUTOBJECT", SITE + "/releases/x", ctx(), allow),
                row("deployer", "s3:PutObject", "arn:aws:s3:::Site/releases/x", ctx(), implicit),
                row("admin-guarded", "ec2:RunInstances", "*", ctx("aws:RequestedRegion", "eu-west-1"), allow),
                row("admin-guarded", "ec2:RunInstances", "*", ctx("aws:RequestedRegion", "us-east-1"), explicit),
                row("admin-guarded", "iam:CreateUser", "*", ctx("aws:RequestedRegion", "eu-west-1"), explicit),
                row("admin-guarded", "sts:GetCallerIdentity", "*", ctx(), allow),
                row("admin-guarded", "s3:GetObject", SITE + "/x", ctx(), explicit),
                row("admin-guarded", "ec2:DescribeInstances", "*", ctx("aws:RequestedRegion", "EU-WEST-1"), explicit),
                row("not-resource", "s3:GetObject", "arn:aws:s3:::secrets/key", ctx(), implicit),
                row("not-resource", "s3:GetObject", "arn:aws:s3:::public/key", ctx(), allow),
                row("not-resource", "s3:ListBucket", "arn:aws:s3:::secrets", ctx(), implicit),
                row("not-resource", "ec2:RunInstances", "arn:aws:ec2:eu-west-1:1:instance/*", ctx(), implicit));
    }

    static Stream<Arguments> conditionsAndWildcards() {
        Decision allow = Decision.ALLOW;
        Decision implicit = Decision.IMPLICIT_DENY;
        Decision explicit = Decision.EXPLICIT_DENY;
        String secure = "aws:SecureTransport";
        return Stream.of(
                row("conditions", "s3:GetObject", SITE, ctx("aws:SourceIp", "203.0.113.7", secure, "true"), allow),
                row("conditions", "s3:GetObject", SITE, ctx("aws:SourceIp", "198.51.100.7", secure, "true"), implicit),
                row("conditions", "s3:GetObject", SITE, ctx("aws:SourceIp", "203.0.113.7", secure, "false"), explicit),
                row("conditions", "s3:GetObject", SITE, ctx("aws:SourceIp", "2001:db8::1", secure, "true"), allow),
                row(
                        "conditions",
                        "ec2:StopInstances",
                        "*",
                        ctx("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "100"),
                        allow),
                row(
                        "conditions",
                        "ec2:StopInstances",
                        "*",
                        ctx("aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthAge", "7200"),
                        implicit),
                row("conditions", "ec2:StopInstances", "*", ctx(), implicit),
                row("conditions", "ec2:CreateTags", "*", ctx("aws:TagKeys", "team"), allow),
                row("conditions", "ec2:CreateTags", "*", ctx("aws:TagKeys", "team,cost"), implicit),
                row("conditions", "ec2:CreateTags", "*", ctx(), allow),
                row("conditions", "ec2:DeleteTags", "*", ctx("aws:TagKeys", "temp,x"), allow),
                row("conditions", "ec2:DeleteTags", "*", ctx(), implicit),
                row(
                        "conditions",
                        "ec2:RunInstances",
                        "*",
                        ctx("ec2:InstanceType", "t3.micro", "aws:RequestTag/owner", "ana"),
                        allow),
                row("conditions", "ec2:RunInstances", "*", ctx("aws:RequestTag/owner", "ana"), allow),
                row(
                        "conditions",
                        "ec2:RunInstances",
                        "*",
                        ctx("ec2:InstanceType", "m5.large", "aws:RequestTag/owner", "ana"),
                        implicit),
                row("conditions", "ec2:RunInstances", "*", ctx("ec2:InstanceType", "t3.micro"), explicit),
                row(
                        "conditions",
                        "s3:PutObject",
                        SITE,
                        ctx("aws:CurrentTime", "2026-11-26T00:00:00Z", secure, "true"),
                        allow),
                row(
                        "conditions",
                        "s3:PutObject",
                        SITE,
                        ctx("aws:CurrentTime", "2027-06-01T00:00:00Z", secure, "true"),
                        implicit));
    }

    static Stream<Arguments> wildcards() {
        Decision allow = Decision.ALLOW;
        Decision implicit = Decision.IMPLICIT_DENY;
        return Stream.of(
                row("wildcards", "logs:GetLogEvents", LOGS, ctx(), allow),
                row("wildcards", "logs:GetLogEvents", LOGS.replace("eu-west-1", "us-east-1"), ctx(), implicit),
                row("wildcards", "logs:GetLogEvents", LOGS.replace("111122223333", "999999999999"), ctx(), implicit),
                row("wildcards", "logs:GetBlogEvents", LOGS, ctx(), implicit),
                row("wildcards", "ec2:DescribeInstances", LOGS, ctx(), allow),
                row("wildcards", "ec2:RunInstances", LOGS, ctx(), implicit));
    }

    @ParameterizedTest(name = "{0}: {1} on {2} {3} -> {4}")
    @MethodSource({"s3AndDenies", "conditionsAndWildcards", "wildcards"})
    void decides(String policy, String action, String resource, Map<String, List<String>> context, Decision expected)
            throws Exception {
        IamPolicy parsed = IamPolicy.parse(JSON.readTree(POLICIES.get(policy)));
        assertThat(parsed.decide(new IamPolicy.Request(action, resource, context))
                        .decision())
                .isEqualTo(expected);
    }

    @Test
    void tableHasAtLeastFortyCases() {
        assertThat(s3AndDenies().count()
                        + conditionsAndWildcards().count()
                        + wildcards().count())
                .isGreaterThanOrEqualTo(40);
    }

    @Test
    void malformedPoliciesSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> IamPolicy.parse(
                        JSON.readTree("{\"Statement\": [{\"Action\": \"s3:*\", \"Resource\": \"*\"}]}")))
                .hasMessageContaining("Statement[0]: Effect must be Allow or Deny");
        assertThatThrownBy(
                        () -> IamPolicy.parse(
                                JSON.readTree(
                                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}}")))
                .hasMessageContaining("exactly one of Action and NotAction");
        assertThatThrownBy(() -> IamPolicy.parse(JSON.readTree("[]"))).hasMessageContaining("JSON object");
        IamPolicy odd = IamPolicy.parse(
                JSON.readTree("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                        + " \"Condition\": {\"StringWeird\": {\"k\": \"v\"}}}}"));
        assertThatThrownBy(() -> odd.decide(new IamPolicy.Request("s3:GetObject", "*", Map.of("k", List.of("v")))))
                .hasMessageContaining("condition operator 'StringWeird' is not supported");
    }

    @Test
    void policyVariablesAndPrincipalsAreReportedNotEvaluated() throws Exception {
        IamPolicy policy = IamPolicy.parse(
                JSON.readTree("{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"arn:aws:s3:::home/${aws:username}/*\"}}"));
        assertThat(policy.unsupported()).hasSize(2);
    }

    @Test
    void wildcardMatchingIsLinearOnHostilePatterns() {
        String pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
        String text = "a".repeat(5000);
        assertThat(Wildcards.glob(pattern, text)).isFalse(); // a backtracking matcher would not return
        assertThat(Wildcards.glob(pattern, text + "b")).isTrue();
    }
}
