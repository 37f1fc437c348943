package dev.assay.service.views;

import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.scoring.Scorecard;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An interviewer's page for one candidate's stage: the scorecard, every check with its evidence, the terminal
 * replays, overrides, notes, ratings and the grade log. In blind mode only what the candidate did is shown (the
 * replays), and the rating form, until the interviewer has rated.
 */
public final class ReviewView extends PageView {
    /** A check as the page shows it; text from the lab is made inert ({@link Inert}). */
    public record CheckRow(
            String lab,
            String id,
            String title,
            String status,
            String credit,
            String points,
            String skills,
            boolean gate,
            String visibility,
            String grader,
            String message,
            List<Line> observations,
            String output,
            boolean outputTruncated,
            List<Line> evidence,
            @Nullable Overridden overridden) {

        /** An item of the interviewer's rubric: rated from 1 to 5 on the page instead of overridden. */
        public boolean rubricItem() {
            return grader.equals("interviewer") || grader.startsWith("interviewer ");
        }
    }

    /** A name and a value. */
    public record Line(String what, String value) {}

    /** How an interviewer changed a check. */
    public record Overridden(String automated, String credit, String reason, String comment, String by, String at) {}

    /** A lab of the stage and its latest attempt. */
    public record LabBlock(
            String id,
            String title,
            String state,
            @Nullable Long session,
            boolean recorded,
            String recordingUrl,
            List<CheckRow> checks) {}

    /** A note, a rating or a grade-log event, with who and when. */
    public record Entry(String by, String at, String text) {}

    /** A choice in a select. */
    public record Option(String value, String label) {}

    /** A staff member assigned to the assessment, by whom and when. */
    public record Assignee(String email, String name, String role, String by, String at) {}

    /** Who is assigned; for admins, whom they could assign besides. */
    public record Staffing(List<Assignee> assignees, List<Option> assignable, boolean admin) {}

    /** A skill the interviewer may rate. */
    public record SkillChoice(String id, String title) {}

    /**
     * Everything the page shows, gathered by the resource; {@code interview}: the stage has a kit to rate;
     * {@code composition}: how the labs were chosen (composed from a seed, or picked) and which.
     */
    public record Model(
            AssessmentSummary assessment,
            boolean blind,
            @Nullable Scorecard scorecard,
            List<LabBlock> labs,
            List<Entry> notes,
            List<Entry> ratings,
            List<Entry> events,
            String chain,
            List<SkillChoice> skillsToRate,
            Staffing staffing,
            boolean interview,
            @Nullable String composition,
            @Nullable String error) {}

    private final Model model;

    public ReviewView(String csrf, Model model) {
        super(
                "review",
                model.assessment().candidateName() + ": " + model.assessment().stage(),
                csrf);
        this.model = model;
    }

    public Model getModel() {
        return model;
    }

    public AssessmentSummary getAssessment() {
        return model.assessment();
    }

    public @Nullable Scorecard getScorecard() {
        return model.blind() ? null : model.scorecard();
    }

    /** A skill of the scorecard with its figures formatted. */
    public record SkillRow(
            String id, String mustHave, String score, String rating, String coverage, String noDecision) {}

    public List<SkillRow> getSkillRows() {
        Scorecard card = getScorecard();
        if (card == null) {
            return List.of();
        }
        return card.skills().stream()
                .filter(Scorecard.Skill::assessed)
                .map(s -> new SkillRow(
                        s.id(),
                        s.mustHave() ? "yes" : "no",
                        s.score() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", s.score()),
                        s.rating() == null ? "no decision" : s.rating().label(),
                        String.format(java.util.Locale.ROOT, "%.0f%%", s.coverage() * 100),
                        s.noDecision() == null ? "" : s.noDecision()))
                .toList();
    }

    public String getVersionsText() {
        Scorecard card = getScorecard();
        return card == null
                ? ""
                : card.versions().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; "));
    }

    public List<Option> getReasons() {
        return dev.assay.service.scoring.GradeEvents.REASONS.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()))
                .toList();
    }

    public List<Option> getVerdicts() {
        return dev.assay.service.scoring.GradeEvents.VERDICTS.stream()
                .map(v -> new Option(v, v))
                .toList();
    }

    public List<Option> getRatings() {
        return dev.assay.service.core.Rating.labels().stream()
                .map(r -> new Option(r, r))
                .toList();
    }
}
