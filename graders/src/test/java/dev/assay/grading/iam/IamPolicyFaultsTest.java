package dev.assay.grading.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.iam.IamPolicy.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Faults public test suites found in the evaluator, one test each; every one failed before its fix. */
class IamPolicyFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IamPolicy policy(String statements) throws Exception {
        return IamPolicy.parse(JSON.readTree("{\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}"));
    }

    private static Decision decide(IamPolicy policy, String action, String resource, String... pairs) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            context.put(pairs[i], List.of(pairs[i + 1].split(",", -1)));
        }
        return policy.decide(new IamPolicy.Request(action, resource, context)).decision();
    }

    private static String allow(String condition) {
        return "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": " + condition
                + "}]";
    }

    @Nested
    @DisplayName("Date operators take every W3C ISO 8601 form and never throw")
    class Dates {
        @Test
        void aDateWithoutTimeIsTheStartOfThatDay() throws Exception {
            IamPolicy p = policy(allow("{\"DateLessThan\": {\"aws:CurrentTime\": \"2027-01-01\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:CurrentTime", "2026-12-31T23:59:59Z"))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "aws:CurrentTime", "2027-01-01T00:00:00Z"))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void minutesWithoutSecondsAndOffsetsAreAccepted() throws Exception {
            IamPolicy p = policy(allow("{\"DateGreaterThanEquals\": {\"aws:CurrentTime\": \"2027-01-01T00:00Z\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:CurrentTime", "2027-01-01T01:00+01:00"))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "aws:CurrentTime", "1798761599"))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void malformedDateTextIsRefusedWithWhereItIs() {
            assertThatThrownBy(() -> policy(allow("{\"DateLessThan\": {\"aws:CurrentTime\": \"next year\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Statement[0]")
                    .hasMessageContaining("DateLessThan")
                    .hasMessageContaining("next year");
        }

        @Test
        void aMalformedRequestDateNeverThrows() throws Exception {
            IamPolicy p = policy(allow("{\"DateNotEquals\": {\"aws:CurrentTime\": \"2027-01-01\"}}"));
            assertThatCode(() -> decide(p, "s3:GetObject", "*", "aws:CurrentTime", "soon"))
                    .doesNotThrowAnyException();
            assertThat(decide(p, "s3:GetObject", "*", "aws:CurrentTime", "soon"))
                    .isNotEqualTo(Decision.ALLOW);
        }
    }

    @Nested
    @DisplayName("A single-valued operator on a key with several request values is not decided on the first value")
    class MultiValued {
        @Test
        void anAllowIsNotGrantedOnTheFirstValue() throws Exception {
            IamPolicy p = policy(allow("{\"StringEquals\": {\"aws:TagKeys\": \"team\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:TagKeys", "team,cost"))
                    .isNotEqualTo(Decision.ALLOW);
        }

        @Test
        void aDenyIsNotDroppedBecauseTheFirstValueMisses() throws Exception {
            IamPolicy p = policy("[{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                    + " {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
                    + " \"Condition\": {\"StringEquals\": {\"aws:TagKeys\": \"secret\"}}}]");
            assertThat(decide(p, "s3:GetObject", "*", "aws:TagKeys", "team,secret"))
                    .isNotEqualTo(Decision.ALLOW);
        }
    }

    @Nested
    @DisplayName("A misspelt operator is refused whatever the request")
    class Operators {
        @Test
        void stringNotEqualIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"StringNotEqual\": {\"aws:PrincipalTag/team\": \"ops\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("StringNotEqual");
        }

        @Test
        void anUnknownSetQualifierIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"ForSomeValues:StringEquals\": {\"aws:TagKeys\": \"a\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ForSomeValues");
        }

        @Test
        void nullWithIfExistsIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"NullIfExists\": {\"aws:TokenIssueTime\": \"true\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NullIfExists");
        }
    }

    @Nested
    @DisplayName("IP conditions take address literals and CIDRs only, and never resolve names")
    class IpAddresses {
        @Test
        void aHostNameInThePolicyIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"IpAddress\": {\"aws:SourceIp\": \"localhost\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("localhost");
        }

        @Test
        void aHostNameInTheRequestMatchesNoRange() throws Exception {
            IamPolicy p = policy(allow("{\"IpAddress\": {\"aws:SourceIp\": \"127.0.0.0/8\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceIp", "localhost"))
                    .isNotEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceIp", "127.0.0.1"))
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void ipv6RangesMatchIpv6Addresses() throws Exception {
            IamPolicy p = policy(allow("{\"IpAddress\": {\"aws:SourceIp\": \"2001:DB8:1234:5678::/64\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceIp", "2001:db8:1234:5678:ffff::1"))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceIp", "2001:db8:1234:5679::1"))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }
    }

    @Nested
    @DisplayName("ARNs match part by part, as AWS documents")
    class Arns {
        private static final String VALUE =
                "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";

        @Test
        void arnLikeChecksEachOfTheSixPartsOnItsOwn() throws Exception {
            String pattern = "arn:aws:someservice:*:111122223333:finance/*";
            IamPolicy arn = policy(allow("{\"ArnLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}"));
            IamPolicy string = policy(allow("{\"StringLike\": {\"aws:SourceArn\": \"" + pattern + "\"}}"));
            assertThat(decide(arn, "s3:GetObject", "*", "aws:SourceArn", VALUE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(decide(string, "s3:GetObject", "*", "aws:SourceArn", VALUE))
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void arnEqualsTakesWildcardsAsArnLikeDoes() throws Exception {
            IamPolicy p = policy(allow("{\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:sns:*:111122223333:topic-?\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:topic-a"))
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void aResourceWithoutSixPartsIsRefused() {
            assertThatThrownBy(() ->
                            policy("[{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:*\"}]"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("arn:aws:*");
        }
    }

    @Nested
    @DisplayName("A negated operator over a value that is not of its type does not match")
    class InvalidValues {
        @Test
        void notIpAddressOverTextIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"NotIpAddress\": {\"aws:SourceIp\": \"office\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("office");
        }

        @Test
        void numericNotEqualsOverTextIsRefused() {
            assertThatThrownBy(() -> policy(allow("{\"NumericNotEquals\": {\"s3:max-keys\": \"ten\"}}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ten");
        }

        @Test
        void aRequestValueOfTheWrongTypeDoesNotOpenANegatedAllow() throws Exception {
            IamPolicy p = policy(allow("{\"NotIpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:SourceIp", "not-an-address"))
                    .isNotEqualTo(Decision.ALLOW);
        }
    }

    @Nested
    @DisplayName("Policy variables and BinaryEquals are evaluated")
    class Variables {
        @Test
        void theUserNameIsSubstitutedInTheResource() throws Exception {
            IamPolicy p = policy("[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"arn:aws:s3:::home/${aws:username}/*\"}]");
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::home/alice/a.txt", "aws:username", "alice"))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::home/bob/a.txt", "aws:username", "alice"))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void aPrincipalTagIsSubstitutedInAConditionValue() throws Exception {
            IamPolicy p = policy(allow("{\"StringEquals\": {\"aws:ResourceTag/team\": \"${aws:PrincipalTag/team}\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "aws:ResourceTag/team", "web", "aws:PrincipalTag/team", "web"))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "aws:ResourceTag/team", "db", "aws:PrincipalTag/team", "web"))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void specialCharacterVariablesAreLiteral() throws Exception {
            IamPolicy p = policy("[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"arn:aws:s3:::b/${*}${?}${$}\"}]");
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/*?$")).isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/ab$")).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void aDefaultIsUsedWhenTheKeyIsAbsent() throws Exception {
            IamPolicy p = policy("[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"arn:aws:s3:::b/${aws:userid, 'anonymous'}/*\"}]");
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/anonymous/x")).isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/AIDA1/x", "aws:userid", "AIDA1"))
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void binaryEqualsComparesTheDecodedBytes() throws Exception {
            IamPolicy p = policy(allow("{\"BinaryEquals\": {\"sample:key\": \"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"}}"));
            assertThat(decide(p, "s3:GetObject", "*", "sample:key", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="))
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:GetObject", "*", "sample:key", "b3RoZXI=")).isEqualTo(Decision.IMPLICIT_DENY);
        }
    }
}
