package dev.assay.service.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dashboard is a Grafana dashboard model that the shipped provisioning loads and that queries Prometheus. */
@DisplayName("deploy/monitoring/grafana/dashboards/assay.json is a dashboard Grafana's provisioning loads")
class GrafanaDashboardTest {
    private static final Set<String> PANEL_TYPES =
            Set.of("timeseries", "stat", "gauge", "bargauge", "table", "heatmap", "text", "row");

    @Test
    @DisplayName("the model has the fields Grafana needs: uid, title, schemaVersion, panels")
    void dashboardModel() throws IOException {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.path("uid").asText()).matches("[a-zA-Z0-9_-]{1,40}");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("panels").isArray()).isTrue();
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    @DisplayName("every panel has a unique id, a known type, a title and a place on the 24-column grid, no overlap")
    void panelsAreLaidOut() throws IOException {
        Set<Integer> ids = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (JsonNode panel : MonitoringFiles.dashboard().path("panels")) {
            String title = panel.path("title").asText();
            assertThat(panel.path("id").isInt()).as("id of %s", title).isTrue();
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("id of %s is unique", title)
                    .isTrue();
            assertThat(panel.path("type").asText()).as("type of %s", title).isIn(PANEL_TYPES);
            assertThat(title).isNotBlank();
            JsonNode grid = panel.path("gridPos");
            for (String field : List.of("h", "w", "x", "y")) {
                assertThat(grid.path(field).isInt())
                        .as("gridPos.%s of %s", field, title)
                        .isTrue();
            }
            int x = grid.path("x").asInt();
            int w = grid.path("w").asInt();
            assertThat(x).isNotNegative();
            assertThat(w).isPositive();
            assertThat(x + w).as("%s fits the 24 columns", title).isLessThanOrEqualTo(24);
            for (int row = grid.path("y").asInt();
                    row < grid.path("y").asInt() + grid.path("h").asInt();
                    row++) {
                for (int column = x; column < x + w; column++) {
                    assertThat(cells.add(row + "," + column))
                            .as("%s overlaps another panel", title)
                            .isTrue();
                }
            }
        }
    }

    @Test
    @DisplayName("every query panel uses the provisioned Prometheus data source and has targets with refId and expr")
    void panelsQueryTheProvisionedDataSource() throws IOException {
        JsonNode provisioned = MonitoringFiles.yaml(
                        MonitoringFiles.DIR.resolve("grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources")
                .path(0);
        assertThat(provisioned.path("type").asText()).isEqualTo("prometheus");
        for (JsonNode panel : MonitoringFiles.dashboard().path("panels")) {
            if (Set.of("row", "text").contains(panel.path("type").asText())) {
                continue;
            }
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText())
                    .as("data source of %s", title)
                    .isEqualTo(provisioned.path("uid").asText());
            assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
            assertThat(panel.path("targets")).as("targets of %s", title).isNotEmpty();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asText()))
                        .as("refIds of %s", title)
                        .isTrue();
                assertThat(target.path("expr").asText()).as("expr in %s", title).isNotBlank();
                assertThat(balanced(target.path("expr").asText()))
                        .as("brackets of %s", target)
                        .isTrue();
            }
        }
    }

    @Test
    @DisplayName("the dashboard provider reads the folder docker-compose mounts the dashboards into")
    void provisioningPointsAtTheDashboards() throws IOException {
        String path = MonitoringFiles.yaml(MonitoringFiles.DIR.resolve("grafana/provisioning/dashboards/assay.yml"))
                .path("providers")
                .path(0)
                .path("options")
                .path("path")
                .asText();
        String compose =
                Files.readString(MonitoringFiles.DIR.resolve("../../docker-compose.yml"), StandardCharsets.UTF_8);
        assertThat(compose).contains("./deploy/monitoring/grafana/dashboards:" + path + ":ro");
    }

    @Test
    @DisplayName("metric names are read from PromQL without functions, labels, strings or ranges")
    void metricNamesOfAnExpression() {
        assertThat(MonitoringFiles.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket{x=\"y(\"}[5m])))"
                        + " / on (instance) group_left b:c:rate5m > 1e9 and bool up"))
                .containsExactly("a_bucket", "b:c:rate5m", "up");
    }

    private static boolean balanced(String expr) {
        List<Character> open = new ArrayList<>();
        for (char c : expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "").toCharArray()) {
            int kind = "([{".indexOf(c);
            if (kind >= 0) {
                open.add(c);
            } else if (")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.remove(open.size() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
            }
        }
        return open.isEmpty();
    }
}
