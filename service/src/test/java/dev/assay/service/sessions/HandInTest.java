package dev.assay.service.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandInTest {
    @Test
    @DisplayName("every hand-in reads back from the detail the session log stores")
    void roundTrip() {
        for (HandIn handIn : new HandIn[] {
            HandIn.submitted(), HandIn.timeUp(), HandIn.windowClosed(), HandIn.stopped("it wrote 1 GiB. More.")
        }) {
            assertThat(HandIn.read(handIn.detail())).contains(handIn);
        }
        assertThat(HandIn.read("graded: 3.0 of 4.0 counted points")).isEmpty();
        assertThat(HandIn.read(null)).isEmpty();
    }

    @Test
    @DisplayName("the terminal and the done page say why the lab ended, a stop in its first sentence")
    void words() {
        HandIn stopped = HandIn.stopped("it wrote more than its 64 MiB of disk. Measured: 70 MiB.");
        assertThat(stopped.terminalNotice()).isEqualTo("This lab was stopped: it wrote more than its 64 MiB of disk.");
        assertThat(stopped.donePage()).endsWith("of disk. What it had done so far was graded.");
        assertThat(HandIn.timeUp().terminalNotice()).isEqualTo("Time is up: the lab was handed in.");
        assertThat(HandIn.timeUp().donePage()).startsWith("The time limit was reached");
        assertThat(HandIn.windowClosed().terminalNotice())
                .isEqualTo("The stage's window has closed: the lab was handed in.");
        assertThat(HandIn.windowClosed().donePage()).startsWith("The stage's window closed before this lab's own time");
        assertThat(HandIn.submitted().donePage()).isEqualTo("You handed the lab in.");
    }
}
