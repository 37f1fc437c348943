package dev.assay.service.views;

import java.util.List;

/** The hiring team's index: every lab with its version, and every role stage with its rubric version. */
public final class LabsView extends PageView {
    /** A lab of the catalog. */
    public record LabRow(String id, String title, String version, String stage, int checks, String points) {}

    /** A role stage and the rubric that weighs it now. */
    public record StageRow(String role, String stage, String title, String rubric) {}

    private final List<LabRow> labs;
    private final List<StageRow> stages;
    private final boolean admin;

    /** @param admin whether the reader may open the labs' statistics */
    public LabsView(String csrf, List<LabRow> labs, List<StageRow> stages, boolean admin) {
        super("labs", "Labs and rubrics", csrf);
        this.labs = labs;
        this.stages = stages;
        this.admin = admin;
    }

    public boolean isAdmin() {
        return admin;
    }

    public List<LabRow> getLabs() {
        return labs;
    }

    public List<StageRow> getStages() {
        return stages;
    }
}
