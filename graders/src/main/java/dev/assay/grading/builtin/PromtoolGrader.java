package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;

/**
 * Tests the candidate's Prometheus alerting and recording rules with {@code promtool test rules} and the lab's
 * hidden unit tests, in a sandbox of ours: the rules file is read through the archive API, so neither the lab's
 * promtool nor its files take part. The tests file names {@code rules.yml} in {@code rule_files}.
 */
public final class PromtoolGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("rules", Type.STRING, "the candidate's rules file in the lab, such as /etc/prometheus/rules.yml")
            .required(
                    "tests",
                    Type.STRING,
                    "a promtool test file in the lab's folder (hidden from candidates) with rule_files: [rules.yml]")
            .rule(values -> {
                String rules = String.valueOf(values.get("rules"));
                String tests = String.valueOf(values.get("tests"));
                if (!rules.startsWith("/")) {
                    return List.of(new ParameterSpec.Problem("rules", "must be an absolute path in the lab"));
                }
                if (tests.startsWith("/") || tests.contains("..")) {
                    return List.of(new ParameterSpec.Problem("tests", "must be a path inside the lab's folder"));
                }
                return List.of();
            })
            .build();

    public PromtoolGrader() {
        super(
                "promtool",
                "1",
                "runs promtool test rules with the lab's hidden tests on the candidate's rules, in a sandbox of ours",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String rules = Text.string(parameters, "rules", "");
        String tests = Text.string(parameters, "tests", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("rules", rules);
        FileResult.Content content = Text.candidateFile(lab, rules, check);
        if (content == null) {
            return check.build();
        }
        byte[] hiddenTests = lab.labFile(tests);
        CommandResult result = lab.inSandbox(
                Map.of("rules.yml", withoutAnnotations(content.bytes()), "tests.yml", hiddenTests),
                List.of("promtool", "test", "rules", "tests.yml"),
                lab.timeLeft());
        if (result.exitCode() == 127 || result.exitCode() == 126) {
            throw new LabUnavailableException(
                    "promtool is missing from the sandbox image", new IllegalStateException(result.stderr()));
        }
        String output = result.stdout() + result.stderr();
        check.observe("promtool test rules", Text.excerpt(output)).output(output, result.truncated());
        if (result.timedOut()) {
            return check.expect(false, "promtool did not finish in time").build();
        }
        return check.expect(result.exitCode() == 0, "the hidden rule tests fail: " + Text.excerpt(failures(output)))
                .success("the hidden rule tests pass")
                .build();
    }

    /**
     * The rules without their annotations, as JSON (which promtool reads as YAML): annotations are text for people,
     * and promtool compares them exactly, so a hidden test could not otherwise leave the candidate free to write
     * their own summaries. Rules that do not parse are handed over as they are, for promtool to report.
     */
    static byte[] withoutAnnotations(byte[] rules) {
        if (!(Documents.yaml(new String(rules, java.nio.charset.StandardCharsets.UTF_8))
                        instanceof Documents.Parsed.Document document)
                || !document.root().path("groups").isArray()) {
            return rules;
        }
        com.fasterxml.jackson.databind.JsonNode root = document.root().deepCopy();
        for (com.fasterxml.jackson.databind.JsonNode group : root.path("groups")) {
            for (com.fasterxml.jackson.databind.JsonNode rule : group.path("rules")) {
                if (rule instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                    object.remove("annotations");
                }
            }
        }
        return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The lines of promtool's report that say what failed. */
    private static String failures(String output) {
        String lines = output.lines()
                .filter(line -> line.contains("FAILED")
                        || line.contains("alertname")
                        || line.contains("exp:")
                        || line.contains("got:")
                        || line.contains("error"))
                .reduce("", (a, b) -> a + b.trim() + " ");
        return lines.isBlank() ? output : lines;
    }
}
