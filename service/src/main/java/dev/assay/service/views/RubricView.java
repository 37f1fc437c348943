package dev.assay.service.views;

import dev.assay.service.db.RubricDao;
import dev.assay.service.scoring.Rubric;
import dev.assay.service.scoring.RubricYaml;
import dev.assay.service.scoring.Rubrics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A role stage's rubric: the active version, the draft (edited as a table or as YAML), the preview of what the
 * draft would change, apply and discard. Interviewers see the active rubric only.
 */
public final class RubricView extends PageView {
    /** A check's weights as the table edits them. */
    public record CheckRow(String key, String lab, String check, String points, boolean gate, String skills) {}

    /** A cut as a form field. */
    public record Cut(int index, String name, String value) {}

    /** Everything the page shows. */
    public record Model(
            String roleId,
            String stage,
            boolean admin,
            Rubric active,
            String activeYaml,
            RubricDao.@Nullable Stored draft,
            Rubric editing,
            String editingYaml,
            Rubrics.@Nullable Preview preview,
            List<RubricDao.Stored> history,
            List<String> stale,
            @Nullable String error,
            @Nullable String notice) {}

    private static final List<String> CUT_NAMES = List.of("no from", "mixed from", "yes from", "strong-yes from");

    private final Model model;

    public RubricView(String csrf, Model model) {
        super("rubric", "Rubric: " + model.roleId() + " / " + model.stage(), csrf);
        this.model = model;
    }

    public Model getModel() {
        return model;
    }

    public String getActiveLabel() {
        return model.active().version() == 0
                ? "the lab files' own values (no rubric version applied yet)"
                : "version " + model.active().version();
    }

    public List<CheckRow> getRows() {
        List<CheckRow> rows = new ArrayList<>();
        model.editing()
                .labs()
                .forEach((lab, weights) -> weights.checks()
                        .forEach((check, w) -> rows.add(new CheckRow(
                                lab + "/" + check,
                                lab,
                                check,
                                RubricYaml.num(w.points()),
                                w.gate(),
                                w.skills().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + RubricYaml.num(e.getValue()))
                                        .collect(Collectors.joining(", "))))));
        return rows;
    }

    /** The revision of the draft being edited ("none" without a draft), which a save must start from. */
    public String getBase() {
        RubricDao.Stored draft = model.draft();
        return draft == null ? "none" : Rubrics.revision(draft.yaml());
    }

    public List<Cut> getCuts() {
        List<Cut> cuts = new ArrayList<>();
        for (int i = 0; i < model.editing().cuts().size(); i++) {
            cuts.add(new Cut(
                    i, CUT_NAMES.get(i), RubricYaml.num(model.editing().cuts().get(i))));
        }
        return cuts;
    }
}
