package dev.assay.service.views;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One candidate's scorecard across the hiring plan: the stages, every must-have with its decision and where the
 * evidence came from (or why there is none yet), the nice-to-haves, and the recommendation with its reasons.
 * Mustache escapes every value.
 */
public final class PipelineView extends PageView {
    /** Where a skill's counted evidence came from ("technical/k8s-crashloop (5)"), linked when the viewer may open it. */
    public record Source(String text, @Nullable String link) {}

    /** A skill's line: {@code rating} "no decision" when there is none, and then {@code noDecision} says why. */
    public record Skill(
            String id,
            String title,
            String rating,
            String score,
            String coverage,
            int countedChecks,
            List<Source> sources,
            @Nullable String noDecision) {}

    /** Everything the page shows. */
    public record Model(
            long assessmentId,
            String name,
            String email,
            String role,
            List<PipelinesView.Stage> stages,
            List<Skill> mustHaves,
            List<Skill> niceToHaves,
            String verdict,
            List<String> reasons) {}

    private final Model model;

    public PipelineView(String csrf, Model model) {
        super("pipeline", model.name() + ": " + model.role(), csrf);
        this.model = model;
    }

    public Model getModel() {
        return model;
    }
}
