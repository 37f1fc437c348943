package dev.assay.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {
    private final ParameterSpec spec = ParameterSpec.builder()
            .required("url", Type.STRING, "where to send the request")
            .optional("status", Type.INTEGER, "expected status")
            .optional("body", Type.REGEX, "body pattern")
            .optional("maxLatency", Type.DURATION, "slowest answer")
            .optional("headers", Type.STRING_MAP, "header patterns")
            .oneOf("method", false, Set.of("GET", "POST"), "method")
            .exactlyOneOf("url", "status")
            .build();

    @Test
    void wellFormedValuesPass() {
        assertThat(spec.check(Map.of("url", "http://x/", "body", "ok.*", "maxLatency", "500ms", "method", "GET")))
                .isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsParameter() {
        List<Problem> problems = spec.check(Map.of(
                "status",
                "200",
                "body",
                "(unclosed",
                "maxLatency",
                "fast",
                "method",
                "PATCH",
                "extra",
                1,
                "headers",
                Map.of("X", 1)));
        assertThat(problems)
                .extracting(Problem::parameter)
                .containsExactlyInAnyOrder("extra", "url", "status", "body", "maxLatency", "method", "headers");
        assertThat(problems)
                .filteredOn(p -> p.parameter().equals("status"))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("must be a whole number, got '200'");
        assertThat(problems)
                .filteredOn(p -> p.parameter().equals("url"))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("required: where to send the request");
        assertThat(problems)
                .filteredOn(p -> p.parameter().equals("method"))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("'PATCH' is not one of");
    }

    @Test
    void crossParameterRulesRunOnceTypesAreRight() {
        assertThat(spec.check(Map.of("url", "http://x/", "status", 200)))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("give exactly one of [url, status]");
    }

    @Test
    void aParameterDeclaredTwiceIsABug() {
        assertThatThrownBy(() ->
                        ParameterSpec.builder().optional("a", Type.STRING, "").optional("a", Type.INTEGER, ""))
                .hasMessageContaining("declared twice");
    }
}
