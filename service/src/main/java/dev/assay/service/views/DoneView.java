package dev.assay.service.views;

/** After a lab is handed in (by the candidate or by the clock): what happens next, and the way back. */
public final class DoneView extends PageView {
    private final String labTitle;
    private final String how;
    private final boolean labsLeft;

    public DoneView(String csrf, String labTitle, String how, boolean labsLeft) {
        super("done", "Submitted", csrf);
        this.labTitle = labTitle;
        this.how = how;
        this.labsLeft = labsLeft;
    }

    public String getLabTitle() {
        return labTitle;
    }

    /** "You submitted it" or "The time limit was reached". */
    public String getHow() {
        return how;
    }

    public boolean isLabsLeft() {
        return labsLeft;
    }
}
