package dev.assay.service.stats;

import dev.assay.service.catalog.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether a lab's variants are equally hard: for each value of each parameter that enough attempts drew, the pass
 * rate of those attempts against the rest of the lab's, with Fisher's exact test. An attempt passes when it passed
 * every gate and earned at least half of the lab's points (what the transfer self-test holds a wrong variant's answer
 * below). A value is flagged when the difference is beyond chance: p below 0.05 shared among the values tested
 * (Bonferroni), so a lab with many values does not flag one by luck.
 */
public final class VariantStatistics {
    /** The fewest attempts, on each side, for a value to be tested. */
    static final int MIN_GROUP = 5;

    static final double ALPHA = 0.05;

    /** One value of one parameter: its attempts and pass rate, the rest's, the test's p and the flag. */
    public record Group(
            String parameter,
            String value,
            int n,
            double passRate,
            int restN,
            double restPassRate,
            @Nullable Double p,
            List<String> flags) {}

    /** The groups tested, and how many values had too few attempts to test. */
    public record Report(List<Group> groups, int untested) {}

    private VariantStatistics() {}

    /** {@code rows}: each attempt's credit per check, in the lab's check order; {@code values}: its parameters. */
    public static Report of(Lab lab, double[][] rows, List<Map<String, String>> values) {
        boolean[] passed = new boolean[rows.length];
        int passes = 0;
        for (int i = 0; i < rows.length; i++) {
            passed[i] = passed(lab, rows[i]);
            passes += passed[i] ? 1 : 0;
        }
        List<int[]> counts = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        int untested = 0;
        for (String parameter : lab.parameters().names()) {
            Map<String, int[]> byValue = new TreeMap<>();
            for (int i = 0; i < rows.length; i++) {
                String value = values.get(i).get(parameter);
                if (value != null) {
                    int[] c = byValue.computeIfAbsent(value, v -> new int[2]);
                    c[0]++;
                    c[1] += passed[i] ? 1 : 0;
                }
            }
            for (Map.Entry<String, int[]> entry : byValue.entrySet()) {
                int n = entry.getValue()[0];
                if (n >= MIN_GROUP && rows.length - n >= MIN_GROUP) {
                    counts.add(entry.getValue());
                    names.add(new String[] {parameter, entry.getKey()});
                } else {
                    untested++;
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        double threshold = counts.isEmpty() ? ALPHA : ALPHA / counts.size();
        for (int g = 0; g < counts.size(); g++) {
            int n = counts.get(g)[0];
            int in = counts.get(g)[1];
            int restN = rows.length - n;
            int restIn = passes - in;
            double p = fisherTwoSided(in, n - in, restIn, restN - restIn);
            List<String> flags = p < threshold
                    ? List.of(String.format(
                            Locale.ROOT,
                            "pass rate differs from the rest of the lab beyond chance (p = %.4f < %.4f): is this"
                                    + " variant harder or easier?",
                            p,
                            threshold))
                    : List.of();
            groups.add(new Group(
                    names.get(g)[0], names.get(g)[1], n, in / (double) n, restN, restIn / (double) restN, p, flags));
        }
        return new Report(groups, untested);
    }

    /** Every gate passed in full and at least half of the points earned. */
    static boolean passed(Lab lab, double[] row) {
        double earned = 0;
        for (int j = 0; j < row.length; j++) {
            Lab.Check check = lab.checks().get(j);
            if (check.gate() && row[j] < 1.0) {
                return false;
            }
            earned += row[j] * check.points();
        }
        return lab.points() > 0 && earned >= lab.points() / 2 - 1e-9;
    }

    /**
     * Fisher's exact test, two-sided, of the 2x2 table [[a, b], [c, d]]: the probability, with the margins fixed, of
     * a table at most as likely as this one.
     */
    static double fisherTwoSided(int a, int b, int c, int d) {
        int row1 = a + b;
        int col1 = a + c;
        int n = a + b + c + d;
        double observed = logHypergeometric(a, row1, col1, n);
        double p = 0;
        for (int x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
            double log = logHypergeometric(x, row1, col1, n);
            if (log <= observed + 1e-7) {
                p += Math.exp(log);
            }
        }
        return Math.min(1.0, p);
    }

    private static double logHypergeometric(int x, int row1, int col1, int n) {
        return logChoose(row1, x) + logChoose(n - row1, col1 - x) - logChoose(n, col1);
    }

    private static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
