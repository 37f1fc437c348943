package dev.assay.service.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.InterviewKit;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.Inert;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rating an interview stage's kit: reads the kit of an assessment's stage with the ratings given so far, and checks
 * and appends an interviewer's rating of one question to the grade log ({@link GradeEvents#KIT_RATED}). Bad input
 * is an {@link InvalidInputException} saying what to fix; a missing assessment is a 404.
 */
public final class KitReviews {
    /** The longest notes one rating may carry. */
    public static final int MAX_NOTES = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scoring scoring;

    public KitReviews(Scoring scoring) {
        this.scoring = scoring;
    }

    /** An interview-stage assessment, its stage and kit, and each question's ratings by interviewer. */
    public record Sheet(
            AssessmentSummary assessment,
            Role.Stage stage,
            InterviewKit kit,
            Map<String, Map<Long, GradeEvents.Entry<KitRatings.Rated>>> ratings) {

        /** Each interviewer's latest rating of a question, in the order they first rated it. */
        public List<GradeEvents.Entry<KitRatings.Rated>> ratingsOf(String question) {
            return List.copyOf(ratings.getOrDefault(question, Map.of()).values());
        }

        /** The question's credit as the scorecard counts it (0..1), or null when nobody rated it. */
        public @Nullable Double credit(String question) {
            return KitRatings.credit(ratings.getOrDefault(question, Map.of()));
        }
    }

    /** The kit of the assessment's stage with its ratings; 400 when the stage is not an interview. */
    public Sheet sheet(long assessmentId) {
        AssessmentSummary assessment = scoring.assessment(assessmentId);
        Role.Stage stage = interviewStage(assessment);
        InterviewKit kit = Objects.requireNonNull(stage.kit());
        return new Sheet(assessment, stage, kit, KitRatings.latest(scoring.events(assessmentId), JSON));
    }

    /**
     * Records {@code actor}'s rating of {@code question}: a whole number from 1 to 5 and notes of at most
     * {@value #MAX_NOTES} characters (may be empty). Saving the same rating and notes again adds nothing.
     */
    public void rate(long assessmentId, long actor, String question, @Nullable Integer rating, @Nullable String notes) {
        Sheet sheet = sheet(assessmentId);
        if (sheet.kit().questions().stream().noneMatch(q -> q.id().equals(question))) {
            throw new InvalidInputException("question: the " + sheet.stage().id() + " kit has no question '"
                    + Inert.text(question, 100) + "'; its questions are "
                    + sheet.kit().questions().stream()
                            .map(InterviewKit.Question::id)
                            .toList());
        }
        if (rating == null || rating < KitRatings.MIN || rating > KitRatings.MAX) {
            throw new InvalidInputException("rating: a whole number from " + KitRatings.MIN + " to " + KitRatings.MAX
                    + " (the question's anchors say what each means)" + (rating == null ? "" : ", got " + rating));
        }
        String text = notes(notes);
        var last = sheet.ratings().getOrDefault(question, Map.of()).get(actor);
        KitRatings.Rated rated = new KitRatings.Rated(question, rating, text);
        if (last == null || !last.value().equals(rated)) { // a double submit is recorded once
            scoring.append(assessmentId, GradeEvents.KIT_RATED, actor, rated);
        }
    }

    private static String notes(@Nullable String notes) {
        if (notes == null) {
            return "";
        }
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInputException(
                    "notes: at most " + MAX_NOTES + " characters, got " + notes.length() + "; shorten them");
        }
        String text = notes.replace("\r\n", "\n").strip();
        if (!Inert.text(text, MAX_NOTES).equals(text)) {
            throw new InvalidInputException("notes: remove the control or bidirectional formatting characters"
                    + " (they can hide or reorder what others read)");
        }
        return text;
    }

    private Role.Stage interviewStage(AssessmentSummary assessment) {
        Role role = scoring.role(assessment);
        Role.Stage stage = role.stages().stream()
                .filter(s -> s.id().equals(assessment.stage()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "stage " + assessment.stage() + " is not in role " + role.id() + " any more"));
        if (stage.kind() != Role.Kind.INTERVIEW || stage.kit() == null) {
            throw new InvalidInputException("assessment " + assessment.assessmentId() + " is of stage "
                    + stage.id() + ", a " + stage.kind().wire() + " stage: only an interview stage has a kit to"
                    + " rate");
        }
        return stage;
    }
}
