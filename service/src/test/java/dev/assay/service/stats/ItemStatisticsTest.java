package dev.assay.service.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A seeded data set with the arithmetic written out by hand; every figure must match to 1e-9.
 *
 * <pre>
 *            i1 i2 i3 | total
 *   A         1  1  1 |  3
 *   B         1  1  0 |  2
 *   C         1  0  1 |  2
 *   D         0  1  0 |  1
 *   E         1  0  0 |  1
 *   F         0  0  0 |  0
 * </pre>
 */
class ItemStatisticsTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final double[][] SCORES = {
        {1, 1, 1}, {1, 1, 0}, {1, 0, 1}, {0, 1, 0}, {1, 0, 0}, {0, 0, 0},
    };

    @Test
    void passRatesItemTotalCorrelationsAndDiscrimination() {
        List<ItemStatistics.Item> items = ItemStatistics.items(List.of("i1", "i2", "i3"), SCORES);

        // Pass rates: i1 4/6, i2 3/6, i3 2/6.
        assertThat(items).extracting(ItemStatistics.Item::passRate).containsExactly(4 / 6.0, 3 / 6.0, 2 / 6.0);
        assertThat(items).extracting(ItemStatistics.Item::n).containsOnly(6);

        // Corrected item-total, i1 against the rest (i2 + i3) = 2 1 1 1 0 0, mean 5/6; i1 mean 4/6.
        //   Sxy = sum (x - 4/6)(y - 5/6) = 2/3;  Sxx = 6 * (4/6)(2/6) = 4/3;  Syy = sum y^2 - 6 (5/6)^2 = 7 - 25/6 =
        // 17/6
        //   r = (2/3) / sqrt(4/3 * 17/6) = (2/3) / (sqrt(34)/3) = 2 / sqrt(34)
        // i2 against 2 1 2 0 1 0: Sxy = 0, so r = 0.  i3 against 2 2 1 1 1 0: the same sums as i1, r = 2 / sqrt(34).
        assertThat(items.get(0).itemTotalCorrelation()).isCloseTo(2 / Math.sqrt(34), EXACT);
        assertThat(items.get(1).itemTotalCorrelation()).isCloseTo(0.0, EXACT);
        assertThat(items.get(2).itemTotalCorrelation()).isCloseTo(2 / Math.sqrt(34), EXACT);

        // Upper-lower: 27% of 6 is 1.62, so groups of 2. By total (ties in order): upper A B, lower E F.
        //   i1: (1+1)/2 - (1+0)/2 = 0.5;  i2: 1 - 0 = 1;  i3: (1+0)/2 - 0 = 0.5
        assertThat(items).extracting(ItemStatistics.Item::discrimination).containsExactly(0.5, 1.0, 0.5);
        assertThat(items).allSatisfy(item -> assertThat(item.flags()).isEmpty());
    }

    @Test
    void cronbachsAlphaOfOneSkill() {
        // Sample variances: i1 (4/3)/5 = 4/15, i2 (3/2)/5 = 3/10, i3 4/15; sum 25/30 = 5/6.
        // Totals 3 2 2 1 1 0, mean 3/2: squares 9/4 1/4 1/4 1/4 1/4 9/4 = 22/4 = 11/2; variance (11/2)/5 = 11/10.
        // alpha = 3/2 * (1 - (5/6)/(11/10)) = 3/2 * (1 - 50/66) = 3/2 * 16/66 = 4/11
        assertThat(ItemStatistics.cronbachAlpha(SCORES)).isCloseTo(4 / 11.0, EXACT);
        assertThat(ItemStatistics.cronbachAlpha(new double[][] {{1}, {0}}))
                .as("one check")
                .isNull();
    }

    @Test
    void cohensKappaBetweenAutomatedAndInterviewerRatings() {
        int[] automated = {3, 4, 2, 3, 5, 1};
        int[] interviewer = {3, 4, 3, 3, 4, 1};
        // Observed agreement: attempts 1, 2, 4, 6 = 4/6.
        // Chance: automated 1:1 2:1 3:2 4:1 5:1, interviewer 1:1 3:3 4:2, over 36: 1*1 + 2*3 + 1*2 = 9/36 = 1/4.
        // kappa = (2/3 - 1/4) / (1 - 1/4) = (5/12) / (3/4) = 5/9
        assertThat(ItemStatistics.cohenKappa(automated, interviewer)).isCloseTo(5 / 9.0, EXACT);
        assertThat(ItemStatistics.cohenKappa(new int[] {3, 3}, new int[] {3, 3}))
                .as("chance agreement 1")
                .isNull();
        // 3 of 18 results overridden.
        assertThat(ItemStatistics.overrideRate(3, 18)).isCloseTo(1 / 6.0, EXACT);
        assertThat(ItemStatistics.overrideRate(0, 0)).isNull();
    }

    @Test
    void flagsSayWhatToLookAt() {
        // i1 always passed: rate 1 (too easy), no variance so no correlation; i2 and i3 are mirror images.
        // Totals all 2; groups of round(1.08) = 1: upper A, lower D (ties in order).
        //   i2: rest = i1 + i3 = 1 1 2 2 against 1 1 0 0: r = -1; D = 1 - 0 = 1
        //   i3: rest = 2 2 1 1 against 0 0 1 1: r = -1; D = 0 - 1 = -1 (below 0.2)
        double[][] scores = {{1, 1, 0}, {1, 1, 0}, {1, 0, 1}, {1, 0, 1}};
        List<ItemStatistics.Item> items = ItemStatistics.items(List.of("i1", "i2", "i3"), scores);
        assertThat(items.get(0).itemTotalCorrelation()).isNull();
        assertThat(items.get(0).flags())
                .containsExactly(
                        "too easy: pass rate above 0.95", "does not discriminate:" + " upper-lower index below 0.2");
        assertThat(items.get(1).itemTotalCorrelation()).isCloseTo(-1.0, EXACT);
        assertThat(items.get(1).flags()).containsExactly("negative item-total correlation: likely a broken check");
        assertThat(items.get(2).discrimination()).isCloseTo(-1.0, EXACT);
        assertThat(items.get(2).flags())
                .containsExactly(
                        "does not discriminate: upper-lower index below 0.2",
                        "negative item-total correlation: likely a broken check");
        assertThat(ItemStatistics.items(List.of("x"), new double[][] {{0}}))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.flags()).containsExactly("too hard: pass rate below 0.10");
                    assertThat(item.discrimination()).isNull();
                });
    }
}
