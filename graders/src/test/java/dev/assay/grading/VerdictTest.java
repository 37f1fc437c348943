package dev.assay.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictTest {

    @Test
    @DisplayName("a verdict that could not be graded carries no credit, so it never counts against the candidate")
    void notGradableHasNoCredit() {
        Verdict verdict = Verdict.notGradable("container vanished");
        assertThat(verdict.credit()).isEmpty();
        assertThat(verdict.status()).isEqualTo("error");
    }

    @Test
    void partialAtTheEdgesIsPassOrFail() {
        assertThat(Verdict.partial(1.0)).isSameAs(Verdict.pass());
        assertThat(Verdict.partial(0.0)).isSameAs(Verdict.fail());
        assertThat(Verdict.partial(0.25).credit()).contains(0.25);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, Double.NaN})
    void partialOutsideTheUnitIntervalIsRejected(double credit) {
        assertThatThrownBy(() -> Verdict.partial(credit)).hasMessageContaining("0..1");
    }

    @Test
    void storedVerdictsReadBack() {
        assertThat(Verdict.of("pass", null, null)).isEqualTo(Verdict.pass());
        assertThat(Verdict.of("partial", 0.5, null)).isEqualTo(new Verdict.Partial(0.5));
        assertThat(Verdict.of("error", null, "timeout")).isEqualTo(new Verdict.NotGradable("timeout"));
        assertThatThrownBy(() -> Verdict.of("maybe", null, null))
                .hasMessageContaining("unknown verdict status 'maybe'");
    }
}
