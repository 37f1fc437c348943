package dev.assay.service.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StageWindowTest {
    private static final LabCatalog CATALOG = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
    private static final List<Lab> LABS = List.of(
            CATALOG.lab("linux-web-outage").orElseThrow(),
            CATALOG.lab("git-merge-conflict").orElseThrow());
    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");

    private static LabSession session(String lab, Instant created) {
        return new LabSession(1, 1, lab, "1", 1, SessionState.GRADED, null, created, created);
    }

    @Test
    @DisplayName("the window is the labs' own time plus the allowance, and opens with the first start")
    void lengthAndOpening() {
        StageWindow before = StageWindow.of(LABS, List.of());
        assertThat(before.length()).isEqualTo(Duration.ofMinutes(20 + 15 + 15));
        assertThat(before.closesAt()).isEmpty();
        assertThat(before.closedAt(T0.plus(Duration.ofDays(30))))
                .as("not opened: never closed")
                .isFalse();
        assertThat(before.describe(T0)).contains("50 minutes for all of them from your first Start");

        StageWindow open = StageWindow.of(
                LABS, List.of(session("git-merge-conflict", T0.plusSeconds(60)), session("linux-web-outage", T0)));
        assertThat(open.closesAt()).contains(T0.plus(Duration.ofMinutes(50)));
        assertThat(open.describe(T0.plusSeconds(5))).contains("window closes at 09:50 UTC");
    }

    @Test
    @DisplayName("a lab keeps its own limit inside the window and ends at its close when started late")
    void deadlines() {
        StageWindow open = StageWindow.of(LABS, List.of(session("linux-web-outage", T0)));
        Instant early = T0.plus(Duration.ofMinutes(5));
        assertThat(open.deadline(early, Duration.ofMinutes(15))).isEqualTo(early.plus(Duration.ofMinutes(15)));
        Instant late = T0.plus(Duration.ofMinutes(44));
        assertThat(open.deadline(late, Duration.ofMinutes(15))).isEqualTo(T0.plus(Duration.ofMinutes(50)));

        assertThat(open.endsWith(open.deadline(late, Duration.ofMinutes(15))))
                .as("started late: it ends with the window")
                .isTrue();
        assertThat(open.endsWith(open.deadline(early, Duration.ofMinutes(15))))
                .as("its own limit")
                .isFalse();
        assertThat(open.endsWith(T0.plus(Duration.ofMinutes(55))))
                .as("extended past the close: its own time again")
                .isFalse();
        assertThat(open.endsWith(null)).isFalse();
        assertThat(StageWindow.of(LABS, List.of()).endsWith(T0))
                .as("not opened")
                .isFalse();
    }

    @Test
    @DisplayName("once closed, the window says so and a start is refused with when it closed")
    void closed() {
        StageWindow open = StageWindow.of(LABS, List.of(session("linux-web-outage", T0)));
        Instant close = T0.plus(Duration.ofMinutes(50));
        assertThat(open.closedAt(close.minusSeconds(1))).isFalse();
        assertThat(open.closedAt(close)).isTrue();
        assertThat(open.describe(close)).contains("closed at 09:50 UTC", "can no longer be started");
        assertThat(new StageWindow.Closed(open).getMessage())
                .contains("50-minute window closed at 09:50 UTC", "Ask the hiring team");
    }
}
