package dev.assay.service.views;

import dev.assay.service.catalog.CompositionPreview;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's invitation form as last filled in (kept across a preview or a refusal), the labs it offers per
 * labs stage, the preview it asked for, and the answer to each candidate line it sent.
 */
public record InviteForm(
        String target,
        boolean picked,
        String candidates,
        List<String> assignees,
        List<StageLabs> stages,
        @Nullable CompositionPreview preview,
        List<Answer> answers) {

    /** A labs stage's labs and pool as checkboxes; shown for the stage the form has selected. */
    public record StageLabs(String target, String label, boolean selected, List<LabBox> labs) {}

    /** A lab to pick: {@code value} is "role/stage/lab", so a pick says which stage it was made for. */
    public record LabBox(
            String value, String id, String title, long minutes, String skills, boolean fixed, boolean checked) {}

    /** One candidate line: its link (shown this once) or what was wrong with it. */
    public record Answer(
            int line,
            String text,
            @Nullable String link,
            @Nullable String expiresAt,
            @Nullable String error) {
        public boolean invited() {
            return link != null;
        }
    }

    /** The empty form. */
    public static InviteForm blank(List<StageLabs> stages) {
        return new InviteForm("", false, "", List.of(), stages, null, List.of());
    }

    /** Whether the page answers candidate lines. */
    public boolean isAnswered() {
        return !answers.isEmpty();
    }

    public boolean isAuto() {
        return !picked;
    }

    public long getInvited() {
        return answers.stream().filter(Answer::invited).count();
    }

    public long getRefused() {
        return answers.size() - getInvited();
    }
}
