package dev.assay.service.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders figures as a table for people and one JSON line for machines. Pure. */
final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEADER = List.of("figure", "n", "value", "floor (same run)", "target", "");

    private BenchReport() {}

    /** Whole numbers without decimals, others with one. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String table(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure figure : figures) {
            rows.add(List.of(
                    figure.label(),
                    Integer.toString(figure.n()),
                    texts(figure.values()),
                    figure.floor() == null
                            ? "-"
                            : figure.floor().label() + ": "
                                    + texts(figure.floor().values()),
                    figure.target() == null ? "-" : figure.target().text(),
                    figure.verdict()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == 1 ? " ".repeat(widths[i] - cell.length()) + cell : pad(cell, widths[i]));
                line.append("  ");
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }

    private static String texts(List<Figure.Measure> measures) {
        return measures.stream().map(Figure.Measure::text).collect(Collectors.joining(", "));
    }

    private static double rounded(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** One line: {@code {"bench": ..., <about>..., "figures": {key: {n, values..., floor, target, result}}}}. */
    static String json(String bench, Map<String, Object> about, List<Figure> figures) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("bench", bench);
        root.putAll(about);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Figure figure : figures) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", figure.label());
            one.put("n", figure.n());
            figure.values().forEach(m -> one.put(m.key(), rounded(m.value())));
            if (figure.floor() != null) {
                Map<String, Object> floor = new LinkedHashMap<>();
                floor.put("label", figure.floor().label());
                figure.floor().values().forEach(m -> floor.put(m.key(), rounded(m.value())));
                one.put("floor", floor);
            }
            if (figure.target() != null) {
                one.put("target", figure.target().text());
                one.put("result", figure.target().verdict());
            }
            all.put(figure.key(), one);
        }
        root.put("figures", all);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bench's JSON line", e);
        }
    }
}
