package dev.assay.service.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Classical item analysis of a lab's checks over its graded attempts, the figures the hiring team tunes labs by.
 * Scores are a matrix: one row per attempt, one column per check, each the check's credit 0..1. A figure that is
 * undefined for the data (a check every attempt passed has no correlation) is null, never a made-up number.
 */
public final class ItemStatistics {
    /** The share of attempts in each of the upper and lower groups of the discrimination index (Kelley's 27%). */
    static final double GROUP = 0.27;

    private ItemStatistics() {}

    /** One check's figures, with N and the flags that call for a look. */
    public record Item(
            String checkId,
            int n,
            double passRate,
            @Nullable Double itemTotalCorrelation,
            @Nullable Double discrimination,
            List<String> flags) {}

    /** Figures for every check (column) of {@code scores}, in column order. */
    public static List<Item> items(List<String> checkIds, double[][] scores) {
        int n = scores.length;
        double[] totals = Arrays.stream(scores)
                .mapToDouble(row -> Arrays.stream(row).sum())
                .toArray();
        int[][] groups = upperAndLower(totals);
        List<Item> items = new ArrayList<>();
        for (int j = 0; j < checkIds.size(); j++) {
            int column = j;
            double[] item =
                    Arrays.stream(scores).mapToDouble(row -> row[column]).toArray();
            double[] rest =
                    IntStream.range(0, n).mapToDouble(i -> totals[i] - item[i]).toArray();
            double passRate =
                    n == 0 ? 0 : Arrays.stream(item).filter(s -> s >= 1.0).count() / (double) n;
            Double correlation = pearson(item, rest);
            Double discrimination = n < 2 ? null : mean(item, groups[0]) - mean(item, groups[1]);
            items.add(new Item(
                    checkIds.get(j),
                    n,
                    passRate,
                    correlation,
                    discrimination,
                    flags(passRate, correlation, discrimination)));
        }
        return items;
    }

    /** What a reviewer should look at: too easy, too hard, not discriminating, likely broken. */
    static List<String> flags(double passRate, @Nullable Double correlation, @Nullable Double discrimination) {
        List<String> flags = new ArrayList<>();
        if (passRate > 0.95) {
            flags.add("too easy: pass rate above 0.95");
        }
        if (passRate < 0.10) {
            flags.add("too hard: pass rate below 0.10");
        }
        if (discrimination != null && discrimination < 0.2) {
            flags.add("does not discriminate: upper-lower index below 0.2");
        }
        if (correlation != null && correlation < 0) {
            flags.add("negative item-total correlation: likely a broken check");
        }
        return flags;
    }

    /**
     * The attempts in the upper and lower 27% by total score (at least one each; ties keep the attempts' order),
     * as index arrays.
     */
    static int[][] upperAndLower(double[] totals) {
        int size = Math.max(1, (int) Math.round(GROUP * totals.length));
        Integer[] order = IntStream.range(0, totals.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -totals[i]));
        int[] upper =
                Arrays.stream(order).limit(size).mapToInt(Integer::intValue).toArray();
        int[] lower = Arrays.stream(order)
                .skip(Math.max(0, totals.length - size))
                .mapToInt(Integer::intValue)
                .toArray();
        return new int[][] {upper, lower};
    }

    private static double mean(double[] values, int[] indexes) {
        return Arrays.stream(indexes).mapToDouble(i -> values[i]).average().orElse(0);
    }

    /** Pearson's r; null when either side has no variance or there are fewer than two values. */
    static @Nullable Double pearson(double[] x, double[] y) {
        if (x.length < 2) {
            return null;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Cronbach's alpha of the checks of one skill (columns): k/(k-1) x (1 - sum of item variances / variance of
     * the totals). Null for fewer than two checks or attempts, or totals without variance.
     */
    public static @Nullable Double cronbachAlpha(double[][] scores) {
        if (scores.length < 2 || scores[0].length < 2) {
            return null;
        }
        int k = scores[0].length;
        double itemVariances = 0;
        for (int j = 0; j < k; j++) {
            int column = j;
            itemVariances += variance(
                    Arrays.stream(scores).mapToDouble(row -> row[column]).toArray());
        }
        double totalVariance = variance(Arrays.stream(scores)
                .mapToDouble(row -> Arrays.stream(row).sum())
                .toArray());
        return totalVariance == 0 ? null : k / (k - 1.0) * (1 - itemVariances / totalVariance);
    }

    private static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }

    /**
     * Cohen's kappa of two raters over the same attempts (here the automated five-point rating and the
     * interviewer's): (observed agreement - chance agreement) / (1 - chance agreement). Null without ratings, or
     * when chance agreement is already 1 (both raters gave one and the same category to everything).
     */
    public static @Nullable Double cohenKappa(int[] first, int[] second) {
        if (first.length == 0 || first.length != second.length) {
            return null;
        }
        int n = first.length;
        double observed =
                IntStream.range(0, n).filter(i -> first[i] == second[i]).count() / (double) n;
        double chance = 0;
        for (int category : IntStream.concat(Arrays.stream(first), Arrays.stream(second))
                .distinct()
                .toArray()) {
            double p1 = Arrays.stream(first).filter(r -> r == category).count() / (double) n;
            double p2 = Arrays.stream(second).filter(r -> r == category).count() / (double) n;
            chance += p1 * p2;
        }
        return chance == 1 ? null : (observed - chance) / (1 - chance);
    }

    /** The share of a check's results that an interviewer overrode; null with no results. */
    public static @Nullable Double overrideRate(int overridden, int results) {
        return results == 0 ? null : overridden / (double) results;
    }
}
