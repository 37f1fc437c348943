package dev.assay.service.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fisher's exact test gives the published two-sided p-values")
class VariantStatisticsTest {
    @Test
    @DisplayName("Fisher's tea-tasting table [[3, 1], [1, 3]]: p = 34/70")
    void teaTasting() {
        assertThat(VariantStatistics.fisherTwoSided(3, 1, 1, 3)).isCloseTo(34.0 / 70, within(1e-9));
    }

    @Test
    @DisplayName("an even split is no evidence at all: p = 1")
    void evenSplit() {
        assertThat(VariantStatistics.fisherTwoSided(5, 5, 5, 5)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    @DisplayName("[[1, 9], [11, 3]]: p = 0.002759 (both tails)")
    void lopsided() {
        assertThat(VariantStatistics.fisherTwoSided(1, 9, 11, 3)).isCloseTo(0.002759, within(1e-6));
    }
}
