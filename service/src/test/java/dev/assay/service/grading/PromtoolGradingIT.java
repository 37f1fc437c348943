package dev.assay.service.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.CheckResult;
import dev.assay.grading.builtin.PromtoolGrader;
import dev.assay.service.DockerCli;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.docker.DockerEnvironmentDriver;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool in a sandbox of ours, on rules read out of a real lab, against the lab's hidden tests. */
@DisplayName("The promtool grader runs hidden rule tests in a networkless sandbox on the candidate's rules")
class PromtoolGradingIT {
    private static final String INSTANCE =
            "it-promtool-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String RULES = """
            groups:
              - name: shop
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: %s
                    labels:
                      severity: %s
            """;
    private static final String TESTS = """
            rule_files: [rules.yml]
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
                  - series: 'up{job="shop", instance="web:80"}'
                    values: '1 1 0 0 0 0 0 0 0 0'
                alert_rule_test:
                  - eval_time: 4m
                    alertname: InstanceDown
                    exp_alerts: []
                  - eval_time: 9m
                    alertname: InstanceDown
                    exp_alerts:
                      - exp_labels: {severity: page, job: shop, instance: "web:80"}
            """;

    private static DockerEnvironmentDriver driver;
    private static EnvironmentHandle lab;

    @TempDir
    static Path labFolder;

    @BeforeAll
    static void start() throws Exception {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        driver = new DockerEnvironmentDriver(
                URI.create(host), INSTANCE, Duration.ofSeconds(2), Duration.ofSeconds(30), new ObjectMapper());
        lab = driver.provision(new EnvironmentRequest(
                "promtool-lab",
                "promtool",
                "1",
                "assay/base:latest",
                new EnvironmentRequest.Limits(0.25, 64L << 20, 32, 8L << 20),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1))));
        Files.createDirectories(labFolder.resolve("checks"));
        Files.writeString(labFolder.resolve("checks/rules_test.yml"), TESTS);
    }

    @AfterAll
    static void stop() {
        driver.destroy(lab);
        driver.close();
    }

    private static CheckResult gradeWith(String forDuration, String severity) {
        String rules = RULES.formatted(forDuration, severity).replace("'", "'\\''");
        ExecResult written = driver.exec(
                lab, ExecRequest.shell("printf '%s' '" + rules + "' > /root/rules.yml", Duration.ofSeconds(10)));
        assertThat(written.exitCode()).isZero();
        Clock clock = Clock.systemUTC();
        try (SharedProbe probe = new SharedProbe(driver, lab, Duration.ofMinutes(1))) {
            DriverLabView view = new DriverLabView(
                    driver, lab, probe, clock.instant().plus(Duration.ofSeconds(60)), clock, labFolder);
            return new PromtoolGrader()
                    .grade(view, Map.of("rules", "/root/rules.yml", "tests", "checks/rules_test.yml"));
        }
    }

    @Test
    void theRightRulesPassAndNearMissesFail() {
        CheckResult right = gradeWith("5m", "page");
        assertThat(right.verdict().status()).as(right.output()).isEqualTo("pass");
        CheckResult tooPatient = gradeWith("10m", "page");
        assertThat(tooPatient.verdict().status()).isEqualTo("fail");
        assertThat(tooPatient.message()).contains("InstanceDown");
        CheckResult wrongSeverity = gradeWith("5m", "warning");
        assertThat(wrongSeverity.verdict().status()).isEqualTo("fail");
        assertThat(DockerCli.run(
                        "ps",
                        "-aq",
                        "--filter",
                        "label=assay.lab=sandbox",
                        "--filter",
                        "label=assay.instance=" + INSTANCE))
                .as("every sandbox is removed")
                .isEmpty();
    }

    @Test
    /**
     * No network, and only what a root needs to start a server on the candidate's files: chown (0), dac_override (1),
     * fowner (3), setgid (6), setuid (7), net_bind_service (10); nothing else (no net_admin, net_raw, sys_admin).
     */
    void theSandboxHasNoNetworkAndOnlyAServersCapabilities() {
        ExecResult inside = driver.sandbox(
                lab,
                "assay/workbench:latest",
                Map.of("note.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ExecRequest.shell(
                        "ls /sys/class/net; cat note.txt; grep CapEff /proc/self/status", Duration.ofSeconds(20)));
        assertThat(inside.stdout()).contains("lo", "hello").doesNotContain("eth0");
        assertThat(inside.stdout()).containsPattern("CapEff:\\s+0+4cb\\b");
    }
}
