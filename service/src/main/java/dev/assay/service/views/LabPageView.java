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

    private final String labId;
    private final String labTitle;
    private final String instructions;
    private final Instant deadline;
    private final long secondsLeft;
    private final List<VisibleCheck> checks;
    private final long progressIntervalSeconds;
    private final boolean design;

    public LabPageView(
            String csrf,
            String labId,
            String labTitle,
            String instructions,
            Instant deadline,
            long secondsLeft,
            List<VisibleCheck> checks,
            long progressIntervalSeconds,
            boolean design) {
        super("lab", labTitle, csrf);
        this.labId = labId;
        this.labTitle = labTitle;
        this.instructions = instructions;
        this.deadline = deadline;
        this.secondsLeft = secondsLeft;
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
        return deadline.toString();
    }

    public long getSecondsLeft() {
        return secondsLeft;
    }

    public String getTimeLeft() {
        return String.format(java.util.Locale.ROOT, "%d:%02d", secondsLeft / 60, secondsLeft % 60);
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
