package dev.assay.service.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.web.Browser;
import dev.assay.service.web.CandidateRequestMetrics;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the dashboard and the alerts query is what the real service exports at /prometheus. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("the service exports every metric the dashboard and the alert rules read")
class MonitoringMetricsIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    @DisplayName("every metric name in the dashboard and alerts.yml is exported or recorded by a rule")
    void everyQueriedMetricExists() throws IOException {
        String scrape = scrape();
        Set<String> recorded = new TreeSet<>();
        MonitoringFiles.rules().stream()
                .filter(rule -> rule.has("record"))
                .forEach(rule -> recorded.add(rule.path("record").asText()));
        Set<String> used = new TreeSet<>();
        MonitoringFiles.expressions().forEach(expr -> used.addAll(MonitoringFiles.metricNames(expr)));
        assertThat(used).hasSizeGreaterThan(25).contains("up");
        used.remove("up"); // Prometheus' own, per scrape target
        Set<String> missing = new TreeSet<>();
        for (String name : used) {
            boolean exported = Pattern.compile("(?m)^" + Pattern.quote(name) + "[ {]")
                    .matcher(scrape)
                    .find();
            if (!exported && !recorded.contains(name)) {
                missing.add(name);
            }
        }
        assertThat(missing)
                .as("metrics queried but neither exported nor recorded")
                .isEmpty();
    }

    @Test
    @DisplayName("a candidate request is timed under its route and status class, never under its path")
    void candidateRequestsAreTimed() throws IOException {
        String before = scrape();
        Browser visitor = APP.browser();
        String token = "no-such-invitation-token-0123456789";
        assertThat(visitor.get("/i/" + token).statusCode()).isEqualTo(404);
        String after = scrape();
        String series = CandidateRequestMetrics.NAME + "_count{code=\"4xx\",endpoint=\"InvitationResource.landing\"}";
        assertThat(value(after, series)).isEqualTo(value(before, series) + 1);
        assertThat(after).doesNotContain(token);
        assertThat(after)
                .contains(CandidateRequestMetrics.NAME + "_bucket{code=\"5xx\",endpoint=\"CandidateResource.start\","
                        + "le=\"0.5\"} 0");
    }

    @Test
    @DisplayName("the database gauges read real figures, and the pool figures exist with no pool configured")
    void gaugesHaveValues() throws IOException {
        String scrape = scrape();
        for (String gauge : new String[] {
            "assay_sessions_active",
            "assay_sessions_provisioning",
            "assay_sessions_grading",
            "assay_grading_jobs_unfinished",
            "assay_grading_jobs_oldest_unfinished_seconds",
            "assay_pools_ready",
            "assay_pools_size"
        }) {
            assertThat(value(scrape, gauge)).as(gauge).isEqualTo(0.0);
        }
        assertThat(value(scrape, "assay_pools_misses_total")).isZero();
        assertThat(value(scrape, "assay_grading_checks_total")).isZero();
    }

    private static String scrape() {
        return new Browser(APP.admin()).get("/prometheus").body();
    }

    private static double value(String scrape, String series) {
        Matcher matcher =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find())
                .as(
                        "%s in%n%s",
                        series,
                        Arrays.toString(scrape.lines()
                                .filter(l -> l.startsWith(series.substring(0, Math.min(series.length(), 20))))
                                .toArray()))
                .isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
