package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The interviewer's sheet for an interview stage: each question of the kit with the skills and company values it
 * probes, its five anchors, the notes prompt, a 1-5 rating form and the ratings given so far. Text is escaped by
 * Mustache; notes are made inert before.
 */
public final class KitView extends PageView {
    /** A rating choice: its number, the anchor that describes it, and whether this interviewer chose it last. */
    public record Anchor(int value, String text, boolean chosen) {}

    /** A rating given: who, when, the rating with its anchor, and the notes. */
    public record Given(String by, String at, int rating, String anchor, String notes) {}

    /** A question as the page shows it; {@code myNotes} pre-fills the form with this interviewer's last notes. */
    public record Question(
            String id,
            int number,
            String text,
            String skills,
            String values,
            String points,
            List<Anchor> anchors,
            String notesPrompt,
            String credit,
            List<Given> ratings,
            String myNotes) {}

    /** Everything the page shows. */
    public record Model(
            AssessmentSummary assessment,
            String stageTitle,
            List<Question> questions,
            @Nullable String error) {}

    private final Model model;

    public KitView(String csrf, Model model) {
        super("kit", model.assessment().candidateName() + ": " + model.stageTitle(), csrf);
        this.model = model;
    }

    public Model getModel() {
        return model;
    }

    public AssessmentSummary getAssessment() {
        return model.assessment();
    }
}
