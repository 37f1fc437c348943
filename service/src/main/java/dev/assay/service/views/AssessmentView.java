package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;
import java.util.List;

/** The candidate's overview of the stage they were invited to. */
public final class AssessmentView extends PageView {
    private final AssessmentSummary assessment;
    private final List<LabCard> labs;

    public AssessmentView(String csrf, AssessmentSummary assessment, List<LabCard> labs) {
        super("assessment", "Your assessment", csrf);
        this.assessment = assessment;
        this.labs = List.copyOf(labs);
    }

    public List<LabCard> getLabs() {
        return labs;
    }

    public AssessmentSummary getAssessment() {
        return assessment;
    }
}
