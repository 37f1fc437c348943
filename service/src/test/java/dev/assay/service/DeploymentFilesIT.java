package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("docker-compose.yml and the shipped dashboard and alerts match the real service")
class DeploymentFilesIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile(
            "\\b([a-zA-Z_][a-zA-Z0-9_]*(?:_count|_total|_bytes|_active|_waiting|login_api|login|requests))\\b");
    private static final Set<String> PROMQL_WORDS = Set.of("rate", "sum", "by", "up");

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    @DisplayName("docker-compose config accepts the file, with and without the monitoring profile")
    void composeFileIsValid() throws Exception {
        assertThat(compose("config", "-q")).isEmpty();
        assertThat(compose("--profile", "monitoring", "config", "--services"))
                .contains("assay", "postgres", "prometheus", "grafana");
        String config = compose("config");
        assertThat(config).contains("/var/run/docker.sock", "127.0.0.1:8081:8081");
        assertThat(config.split("\n  [a-z]+:\n"))
                .as("grafana and prometheus only in the monitoring profile")
                .filteredOn(service -> service.contains("profiles:"))
                .hasSize(2)
                .allSatisfy(service -> assertThat(service).contains("- monitoring"));
    }

    @Test
    @DisplayName("every metric the dashboard and the alerts query is one the service exports")
    void dashboardAndAlertsQueryRealMetrics() throws IOException {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        admin.get("/login");
        admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"m@test.local\",\"name\":\"M\",\"roleId\":\"devops-engineer\",\"stage\":\"technical\"}",
                csrf);
        String scrape = new Browser(APP.admin()).get("/prometheus").body();

        List<String> queries = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper()
                .readTree(ROOT.resolve("deploy/monitoring/grafana/dashboards/assay.json")
                        .toFile());
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(t -> queries.add(t.path("expr").asText())));
        Files.readAllLines(ROOT.resolve("deploy/monitoring/alerts.yml"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.trim().startsWith("expr:"))
                .forEach(queries::add);
        assertThat(queries).hasSizeGreaterThan(10);

        Set<String> missing = new TreeSet<>();
        for (String query : queries) {
            Matcher matcher = METRIC.matcher(query);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!PROMQL_WORDS.contains(name) && !scrape.contains("\n" + name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("metrics queried but not exported").isEmpty();
    }

    @Test
    @DisplayName("the launcher, CI and grader scripts pass shellcheck, and ./assay help answers")
    void scriptsAreClean() throws Exception {
        assertThat(run(List.of(
                        "shellcheck",
                        "-x",
                        "assay",
                        "scripts/ensure.sh",
                        "scripts/images.sh",
                        "scripts/kubernetes.sh",
                        "scripts/build-kubernetes.sh",
                        "scripts/cluster.sh",
                        "labs/images/base/build.sh",
                        "graders/src/main/resources/dev/assay/grading/builtin/git-facts.sh",
                        ".ci/run")))
                .isEmpty();
        assertThat(run(List.of("./assay", "help"))).contains("./assay start [--demo]", "./assay test");
    }

    private static String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a command in the repository root; it must exit 0 within a minute. Returns what it printed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), output)
                .isZero();
        return output;
    }
}
