package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;

/** The candidate's overview of the stage they were invited to. */
public final class AssessmentView extends PageView {
    private final AssessmentSummary assessment;

    public AssessmentView(String csrf, AssessmentSummary assessment) {
        super("assessment", "Your assessment", csrf);
        this.assessment = assessment;
    }

    public AssessmentSummary getAssessment() {
        return assessment;
    }
}
