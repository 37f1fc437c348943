package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;
import java.util.List;

/** The candidate's overview of the stage they were invited to. */
public final class AssessmentView extends PageView {
    private final AssessmentSummary assessment;
    private final List<LabCard> labs;
    private final String window;
    private final String stageTitle;

    /**
     * {@code stageTitle}: the stage as the role file names it; {@code window}: what the stage's window allows, in
     * words, or empty when it does not bind (one lab).
     */
    public AssessmentView(
            String csrf, AssessmentSummary assessment, String stageTitle, List<LabCard> labs, String window) {
        super("assessment", "Your assessment", csrf);
        this.assessment = assessment;
        this.stageTitle = stageTitle;
        this.labs = List.copyOf(labs);
        this.window = window;
    }

    public String getStageTitle() {
        return stageTitle;
    }

    public String getWindow() {
        return window;
    }

    public List<LabCard> getLabs() {
        return labs;
    }

    /** "3 labs, 55 minutes in all, in any order", or empty when the stage has no labs for the candidate. */
    public String getPlan() {
        if (labs.isEmpty()) {
            return "";
        }
        long minutes = labs.stream().mapToLong(LabCard::minutes).sum();
        return labs.size() + (labs.size() == 1 ? " lab, " : " labs, ") + minutes + " minutes in all"
                + (labs.size() == 1 ? "." : ", in any order you like.");
    }

    public AssessmentSummary getAssessment() {
        return assessment;
    }
}
