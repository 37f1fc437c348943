package dev.assay.grading.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.iam.IamPolicy.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The evaluator against the decision table in {@code iam/decisions.yaml}: cases written from AWS's IAM
 * documentation (each names its rule), policies IAM would refuse, and deny rows swept over open context keys.
 */
class IamPolicyTest {
    private static final Map<String, Object> TABLE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = IamPolicyTest.class.getResourceAsStream("/iam/decisions.yaml")) {
            Map<String, Object> table = new Yaml().load(Objects.requireNonNull(in, "iam/decisions.yaml"));
            return Objects.requireNonNull(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> section(String name) {
        return (List<Map<String, Object>>) Objects.requireNonNull(TABLE.get(name), name);
    }

    /** A named policy, inline JSON, or the condition shorthand: one Allow of every action with this Condition. */
    @SuppressWarnings("unchecked")
    private static String policyText(Map<String, Object> row) {
        if (row.containsKey("condition")) {
            return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
                    + " \"Resource\": \"*\", \"Condition\": " + row.get("condition") + "}}";
        }
        String policy = text(row, "policy");
        Map<String, String> named = (Map<String, String>) Objects.requireNonNull(TABLE.get("policies"));
        return policy.startsWith("{") || policy.startsWith("[")
                ? policy
                : Objects.requireNonNull(named.get(policy), policy);
    }

    private static String text(Map<String, Object> row, String key) {
        return (String) Objects.requireNonNull(row.get(key), key);
    }

    private static IamPolicy.Request request(Map<String, Object> row) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (row.get("context") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> context.put((String) key, strings(value)));
        }
        return new IamPolicy.Request(
                (String) row.getOrDefault("action", "s3:GetObject"),
                (String) row.getOrDefault("resource", "arn:aws:s3:::bucket/key"),
                context);
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(IamPolicyTest::scalar).toList();
        }
        return List.of(scalar(value));
    }

    private static String scalar(Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("quote context values in the table: " + value);
        }
        return String.valueOf(value);
    }

    static Stream<Arguments> cases() {
        return section("cases").stream().map(row -> Arguments.of(row.get("rule"), row));
    }

    static Stream<Arguments> refusals() {
        return section("refusals").stream().map(row -> Arguments.of(row.get("rule"), row));
    }

    static Stream<Arguments> sweeps() {
        return section("sweeps").stream().map(row -> Arguments.of(row.get("rule"), row));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void decidesAsAwsDocuments(String rule, Map<String, Object> row) {
        IamPolicy policy = IamPolicy.parse(policyText(row));
        Decision expected =
                Decision.valueOf(text(row, "expect").toUpperCase(Locale.ROOT).replace('-', '_'));
        assertThat(policy.decide(request(row)).decision()).as(rule + ": " + row).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusals")
    void refusesWhatIamRefuses(String rule, Map<String, Object> row) {
        assertThatThrownBy(() -> IamPolicy.parse(policyText(row)))
                .as(rule)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text(row, "message"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sweeps")
    void sweepsTheKeysADenyRowLeavesOpen(String rule, Map<String, Object> row) {
        IamPolicy policy = IamPolicy.parse(policyText(row));
        Set<String> absent = new LinkedHashSet<>();
        if (row.get("absent") instanceof List<?> keys) {
            keys.forEach(k -> absent.add((String) k));
        }
        ConditionSweep.Result result = ConditionSweep.sweep(policy, request(row), absent);
        if (text(row, "expect").equals("denied")) {
            assertThat(result.deniedEverywhere())
                    .as(rule + ": "
                            + (result.escape() == null ? "" : result.escape().describe()))
                    .isTrue();
        } else {
            ConditionSweep.Escape escape = result.escape();
            assertThat(escape).as(rule).isNotNull();
            assertThat(Objects.requireNonNull(escape).describe()).as(rule).contains(text(row, "escape"));
        }
    }

    @Test
    @DisplayName("The table holds at least 300 documented cases, each naming its rule")
    void tableIsLargeAndSaysWhy() {
        int total = section("cases").size()
                + section("refusals").size()
                + section("sweeps").size();
        assertThat(total).isGreaterThanOrEqualTo(300);
        Stream.of("cases", "refusals", "sweeps")
                .flatMap(name -> section(name).stream())
                .forEach(row -> assertThat(row.get("rule")).as(row.toString()).isInstanceOf(String.class));
    }

    @Test
    void wildcardMatchingIsLinearOnHostilePatterns() {
        Template pattern = Template.parse("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", false);
        String text = "a".repeat(5000);
        assertThat(Glob.like(pattern.parts()).matches(text)).isFalse(); // a backtracking matcher would not return
        assertThat(Glob.like(pattern.parts()).matches(text + "b")).isTrue();
    }
}
