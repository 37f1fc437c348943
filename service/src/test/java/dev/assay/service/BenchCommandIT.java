package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --quick} runs end to end on the real engine (and the real service, as a child) and prints every
 * figure with a positive value; the figures themselves are judged by people, not here. It leaves nothing behind.
 */
@DisplayName("bench --quick measures every figure on the real engine and removes what it started")
class BenchCommandIT {
    private static final List<String> FIGURES = List.of(
            "cold_provision",
            "exec",
            "warm_claim",
            "terminal_echo",
            "grade_10_checks",
            "grade_linux_web_outage",
            "idle_sessions",
            "idle_memory",
            "status");

    @Test
    void quickRunPrintsEveryFigureBesideItsFloorAndTarget() throws Exception {
        Path jar = Path.of(System.getProperty("assay.jar", "target/assay-service.jar"))
                .toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "bench",
                "--quick",
                "--labs",
                "linux-web-outage",
                "--labs-dir",
                "../labs",
                "--config",
                "config.yml"));
        Process process = withOwnKeys(new ProcessBuilder(command).redirectErrorStream(true))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(900, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String line = output.lines()
                .filter(l -> l.startsWith("{\"bench\":\"all\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line in:\n" + output));
        JsonNode figures = new ObjectMapper().readTree(line).get("figures");
        assertThat(figures.fieldNames()).toIterable().containsAll(FIGURES);
        for (Map.Entry<String, JsonNode> figure : (Iterable<Map.Entry<String, JsonNode>>) figures::fields) {
            JsonNode values = figure.getValue();
            assertThat(values.get("n").asInt()).as(figure.getKey()).isPositive();
            values.fields().forEachRemaining(field -> {
                // the host's MemAvailable delta is present but can go either way on a machine others use too
                if (field.getValue().isNumber() && !field.getKey().equals("meminfo_MiB")) {
                    assertThat(field.getValue().asDouble())
                            .as("%s.%s", figure.getKey(), field.getKey())
                            .isPositive();
                }
            });
        }
        for (String floored : List.of("cold_provision", "exec", "terminal_echo", "grade_10_checks", "status")) {
            assertThat(figures.get(floored).has("floor"))
                    .as(floored + " has its floor")
                    .isTrue();
        }
        assertThat(figures.get("idle_memory").has("meminfo_MiB")).isTrue();
        assertThat(figures.get("warm_claim").get("result").asText()).isIn("PASS", "MISS");
        assertThat(output)
                .contains("cold provision", "warm claim", "status page")
                .doesNotContain("ERROR");

        String run = new ObjectMapper().readTree(line).get("run").asText();
        for (String instance : List.of(run, run + "-svc")) {
            assertThat(DockerCli.run("ps", "-aq", "--filter", "label=assay.instance=" + instance))
                    .as("containers of %s left behind", instance)
                    .isBlank();
        }
    }

    /** Its keys in a folder of its own, not in the work tree's data/ (relative to this module). */
    private static ProcessBuilder withOwnKeys(ProcessBuilder builder) throws java.io.IOException {
        Path keys = java.nio.file.Files.createTempDirectory("assay-bench-keys");
        builder.environment()
                .put("ASSAY_OPERATOR_KEY_FILE", keys.resolve("operator.key").toString());
        builder.environment()
                .put("ASSAY_AUDIT_KEY_FILE", keys.resolve("audit.key").toString());
        builder.environment()
                .put("ASSAY_VARIANT_KEY_FILE", keys.resolve("variant.key").toString());
        return builder;
    }
}
