package dev.assay.service.views;

import java.time.Instant;
import java.util.List;

/**
 * A lab in progress: its instructions (HTML from InstructionsRenderer, which escapes everything the lab or the
 * candidate wrote), the terminal, the checks the candidate may run with their hints, the clock, and submit.
 */
public final class LabPageView extends PageView {
    /** A check the candidate may run, with the hint shown when it does not pass. */
    public record VisibleCheck(String id, String title, String hint) {}

    /**
     * The lab's clock: its deadline, the seconds left when the page was made, and whether the deadline is the stage
     * window's close rather than the lab's own time limit (a lab started late).
     */
    public record Timer(Instant deadline, long secondsLeft, boolean byWindow) {}

    private final String labId;
    private final String labTitle;
    private final String instructions;
    private final Timer timer;
    private final List<VisibleCheck> checks;
    private final long progressIntervalSeconds;
    private final boolean design;

    public LabPageView(
            String csrf,
            String labId,
            String labTitle,
            String instructions,
            Timer timer,
            List<VisibleCheck> checks,
            long progressIntervalSeconds,
            boolean design) {
        super("lab", labTitle, csrf);
        this.labId = labId;
        this.labTitle = labTitle;
        this.instructions = instructions;
        this.timer = timer;
        this.checks = List.copyOf(checks);
        this.progressIntervalSeconds = progressIntervalSeconds;
        this.design = design;
    }

    /** A system-design lab: the page offers the design editor next to the terminal. */
    public boolean isDesign() {
        return design;
    }

    public String getLabId() {
        return labId;
    }

    public String getLabTitle() {
        return labTitle;
    }

    /** Rendered and escaped by InstructionsRenderer: the only HTML a template inserts unescaped. */
    public String getInstructions() {
        return instructions;
    }

    public String getDeadline() {
        return timer.deadline().toString();
    }

    public long getSecondsLeft() {
        return timer.secondsLeft();
    }

    public String getTimeLeft() {
        return String.format(java.util.Locale.ROOT, "%d:%02d", timer.secondsLeft() / 60, timer.secondsLeft() % 60);
    }

    /** "window" when the stage's window closes before the lab's own time is up, else "time". */
    public String getEndsBy() {
        return timer.byWindow() ? "window" : "time";
    }

    public boolean isByWindow() {
        return timer.byWindow();
    }

    public List<VisibleCheck> getChecks() {
        return checks;
    }

    public boolean isHasChecks() {
        return !checks.isEmpty();
    }

    public long getProgressIntervalSeconds() {
        return progressIntervalSeconds;
    }
}
