package dev.assay.service.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped alert rules are valid and each one is unit-tested by promtool, firing and not firing. */
@DisplayName("deploy/monitoring/alerts.yml passes promtool's check and its unit tests")
class MonitoringRulesIT {

    @Test
    @DisplayName("promtool check rules accepts alerts.yml")
    void rulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", MonitoringFiles.ALERTS.toString()))
                .contains("SUCCESS");
    }

    @Test
    @DisplayName("promtool test rules passes every test file in deploy/monitoring/tests")
    void rulesPassTheirTests() throws Exception {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        testFiles().forEach(file -> command.add(file.toString()));
        assertThat(command).hasSizeGreaterThan(2);
        assertThat(promtool(command.toArray(String[]::new))).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    @DisplayName("every alert has a test case where it fires and one where it must not")
    void everyAlertIsTestedBothWays() throws IOException {
        Set<String> alerts = new TreeSet<>();
        MonitoringFiles.rules().stream()
                .filter(rule -> rule.has("alert"))
                .forEach(rule -> alerts.add(rule.path("alert").asText()));
        Set<String> fires = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (Path file : testFiles()) {
            for (JsonNode test : MonitoringFiles.yaml(file).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    String name = check.path("alertname").asText();
                    (check.path("exp_alerts").isEmpty() ? silent : fires).add(name);
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(10);
        assertThat(fires).as("alerts with a case where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a case where they stay silent").containsAll(alerts);
        assertThat(alerts)
                .as("tests name only alerts that exist")
                .containsAll(fires)
                .containsAll(silent);
    }

    private static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(MonitoringFiles.DIR.resolve("tests"))) {
            return files.filter(file -> file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    /** Runs promtool from PATH (./assay test installs it: scripts/ensure.sh, ensure_promtool); it must exit 0. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(MonitoringFiles.DIR.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "promtool is not on PATH: install Debian's prometheus package (./assay test does it through"
                            + " ensure_promtool in scripts/ensure.sh)",
                    e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("%s:%n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }
}
