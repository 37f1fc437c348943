package dev.assay.service.views;

import dev.assay.service.stats.ItemStatistics;
import dev.assay.service.stats.LabStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Item statistics of one lab version, with N, flags and two charts drawn as SVG here (the distribution of lab
 * scores, and each check's pass rate): numbers only reach the drawing, so there is nothing to escape.
 */
public final class StatisticsView extends PageView {
    /** A check's figures as text. */
    public record Row(
            String check,
            int n,
            String passRate,
            String correlation,
            String discrimination,
            String overrideRate,
            String flags) {}

    /** A bar of a chart: its position, height and label. */
    public record Bar(int x, int y, int width, int height, String label, String value, int labelY) {}

    /** One value of a lab parameter against the rest of the lab's attempts. */
    public record VariantRow(
            String parameter,
            String value,
            int n,
            String passRate,
            int restN,
            String restPassRate,
            String p,
            String flags) {}

    /** A skill's alpha. */
    public record Alpha(String skill, String alpha) {}

    static final int CHART_HEIGHT = 120;

    private final LabStatistics.Report report;
    private final String title;

    public StatisticsView(String csrf, String title, LabStatistics.Report report) {
        super("statistics", "Statistics: " + title, csrf);
        this.report = report;
        this.title = title;
    }

    public LabStatistics.Report getReport() {
        return report;
    }

    public String getLabTitle() {
        return title;
    }

    public List<Row> getRows() {
        Map<String, @Nullable Double> overrides = report.overrideRates();
        List<ItemStatistics.Item> items = report.checks();
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> row(i, items.get(i), overrides))
                .toList();
    }

    private static Row row(int index, ItemStatistics.Item item, Map<String, @Nullable Double> overrides) {
        return new Row(
                "#" + (index + 1) + " " + item.checkId(),
                item.n(),
                fixed(item.passRate()),
                fixed(item.itemTotalCorrelation()),
                fixed(item.discrimination()),
                fixed(overrides.get(item.checkId())),
                String.join(", ", item.flags()));
    }

    /** Whether the lab has parameters drawn by enough attempts to show, or values left untested to mention. */
    public boolean isVariantsShown() {
        return !report.variants().groups().isEmpty() || report.variants().untested() > 0;
    }

    public int getVariantsUntested() {
        return report.variants().untested();
    }

    public List<VariantRow> getVariantRows() {
        return report.variants().groups().stream()
                .map(g -> new VariantRow(
                        g.parameter(),
                        g.value(),
                        g.n(),
                        fixed(g.passRate()),
                        g.restN(),
                        fixed(g.restPassRate()),
                        fixed(g.p()),
                        String.join(", ", g.flags())))
                .toList();
    }

    public List<Alpha> getAlphas() {
        return report.alphaBySkill().entrySet().stream()
                .map(e -> new Alpha(e.getKey(), fixed(e.getValue())))
                .toList();
    }

    public String getKappa() {
        return fixed(report.kappa());
    }

    /** The lab-score histogram: one bar per tenth of the points. */
    public List<Bar> getHistogram() {
        int[] bins = report.scoreHistogram();
        int max = 1;
        for (int count : bins) {
            max = Math.max(max, count);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            int height = bins[i] * CHART_HEIGHT / max;
            bars.add(new Bar(
                    i * 40 + 4,
                    CHART_HEIGHT - height + 20,
                    32,
                    height,
                    (i * 10) + "%",
                    Integer.toString(bins[i]),
                    CHART_HEIGHT + 34));
        }
        return bars;
    }

    /** Each check's pass rate as a bar. */
    public List<Bar> getPassRates() {
        List<Bar> bars = new ArrayList<>();
        List<ItemStatistics.Item> items = report.checks();
        for (int i = 0; i < items.size(); i++) {
            int height = (int) Math.round(items.get(i).passRate() * CHART_HEIGHT);
            bars.add(new Bar(
                    i * 60 + 4,
                    CHART_HEIGHT - height + 20,
                    48,
                    height,
                    "#" + (i + 1),
                    fixed(items.get(i).passRate()),
                    CHART_HEIGHT + 34));
        }
        return bars;
    }

    public int getPassChartWidth() {
        return Math.max(1, report.checks().size()) * 60 + 8;
    }

    static String fixed(@Nullable Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
