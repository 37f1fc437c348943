package dev.assay.grading.builtin;

import dev.assay.grading.GraderFactory;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Set;

/** Sends one HTTP request from a probe container in the lab's network namespace and judges the answer. */
public final class HttpGraderFactory implements GraderFactory {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required(
                    "url",
                    Type.STRING,
                    "http:// or https:// URL as seen from inside the lab, such as http://127.0.0.1/health")
            .oneOf("method", false, Set.of("GET", "HEAD", "POST", "PUT", "DELETE"), "the method (default GET)")
            .optional("status", Type.INTEGER, "the status code expected (default 200)")
            .optional("body", Type.REGEX, "a regular expression the body must match")
            .optional("headers", Type.STRING_MAP, "response headers and a regular expression each must match")
            .optional("maxLatency", Type.DURATION, "the slowest acceptable answer, such as 500ms")
            .rule(values -> {
                String url = String.valueOf(values.get("url"));
                return url.matches("https?://[^\\s/]+(/\\S*)?")
                        ? List.of()
                        : List.of(
                                new ParameterSpec.Problem("url", "must be an http:// or https:// URL without spaces"));
            })
            .build();

    @Override
    public String id() {
        return "http";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String description() {
        return "HTTP request from a probe container joined to the lab's network: status, body, headers, latency";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }
}
