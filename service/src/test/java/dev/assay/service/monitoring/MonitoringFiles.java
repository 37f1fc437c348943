package dev.assay.service.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/monitoring as the tests read it: the alert rules, their promtool tests and the Grafana dashboard. */
final class MonitoringFiles {
    static final Path DIR =
            Path.of("..", "deploy", "monitoring").toAbsolutePath().normalize();
    static final Path ALERTS = DIR.resolve("alerts.yml");
    static final Path DASHBOARD = DIR.resolve("grafana/dashboards/assay.json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SELECTORS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^\\]]*]");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "group_left", "group_right");

    private MonitoringFiles() {}

    /**
     * The metric names a PromQL expression reads: identifiers outside strings, label matchers, ranges and label
     * lists that are not functions, aggregations or keywords. Recording rule names (with a colon) included.
     */
    static Set<String> metricNames(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll("\"\"");
        bare = SELECTORS_AND_RANGES.matcher(bare).replaceAll(" ");
        bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            boolean inNumber = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!inNumber && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    static JsonNode dashboard() throws IOException {
        return JSON.readTree(DASHBOARD.toFile());
    }

    /** Every rule of alerts.yml, recording and alerting. */
    static List<JsonNode> rules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        yaml(ALERTS).path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Every PromQL expression the dashboard's panels and the rules evaluate. */
    static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        dashboard()
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asText())));
        rules().forEach(rule -> expressions.add(rule.path("expr").asText()));
        return expressions;
    }
}
