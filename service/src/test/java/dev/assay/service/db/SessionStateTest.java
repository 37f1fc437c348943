package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStateTest {

    @ParameterizedTest
    @CsvSource({
        "PROVISIONING, ACTIVE",
        "PROVISIONING, PROVISION_FAILED",
        "PROVISION_FAILED, PROVISIONING",
        "ACTIVE, GRADING",
        "ACTIVE, INTERRUPTED",
        "GRADING, GRADED",
        "GRADING, INTERRUPTED"
    })
    @DisplayName("Every move the service makes is in the table")
    void allowed(SessionState from, SessionState to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.next()).contains(to);
    }

    @ParameterizedTest
    @CsvSource({
        "PROVISIONING, GRADING",
        "PROVISIONING, GRADED",
        "PROVISION_FAILED, ACTIVE",
        "ACTIVE, PROVISIONING",
        "ACTIVE, GRADED",
        "GRADING, ACTIVE",
        "GRADED, GRADING",
        "GRADED, ACTIVE",
        "INTERRUPTED, GRADING",
        "INTERRUPTED, ACTIVE"
    })
    @DisplayName("A move outside the table is refused")
    void refused(SessionState from, SessionState to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SessionState.class)
    @DisplayName("No state moves to itself: a note on the current state is an event, not a transition")
    void noSelfTransitions(SessionState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }

    @Test
    @DisplayName("Graded and interrupted are final")
    void finalStates() {
        assertThat(EnumSet.allOf(SessionState.class))
                .filteredOn(state -> state.next().isEmpty())
                .containsExactlyInAnyOrder(SessionState.GRADED, SessionState.INTERRUPTED);
    }

    @Test
    @DisplayName("The wire values are the words stored before the enum existed")
    void wireValues() {
        assertThat(EnumSet.allOf(SessionState.class))
                .extracting(SessionState::wire)
                .containsExactly("provisioning", "provision_failed", "active", "grading", "graded", "interrupted");
        for (SessionState state : SessionState.values()) {
            assertThat(SessionState.of(state.wire())).isSameAs(state);
            assertThat(state).hasToString(state.wire());
        }
        assertThatThrownBy(() -> SessionState.of("ACTIVE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ACTIVE'")
                .hasMessageContaining("provision_failed");
    }

    @Test
    @DisplayName("Live states are the ones that need their environment")
    void live() {
        assertThat(SessionState.live())
                .containsExactly(SessionState.PROVISIONING, SessionState.ACTIVE, SessionState.GRADING);
        assertThat(Set.copyOf(SessionState.live())).allMatch(SessionState::isLive);
        assertThat(SessionState.GRADED.isLive()).isFalse();
    }
}
