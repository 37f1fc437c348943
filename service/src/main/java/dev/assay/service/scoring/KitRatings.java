package dev.assay.service.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.InterviewKit;
import dev.assay.service.catalog.Role;
import dev.assay.service.db.GradeEventDao;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The interviewers' ratings of an interview stage's kit, read from the grade log's {@link GradeEvents#KIT_RATED}
 * events: each interviewer's latest rating of each question counts, and a question's credit is the mean of those
 * on the 1..5 scale mapped to 0..1, the way a rubric item of the {@code interviewer} grader counts.
 */
public final class KitRatings {
    /** The lowest and highest rating of a question. */
    public static final int MIN = 1;

    public static final int MAX = 5;

    /** The payload of a {@code kit-rated} event. */
    public record Rated(String question, int rating, String notes) {}

    private KitRatings() {}

    /** The item label of a stage's kit in a scorecard: {@code kit:<stage id>}. */
    public static String labId(Role.Stage stage) {
        return "kit:" + stage.id();
    }

    /**
     * The kit's questions as scoring items: labId "kit:&lt;stage id&gt;", checkId the question id, points and skills
     * the question's, gate false, credit = (mean of each interviewer's latest rating - 1) / 4, or null (not
     * counted) when nobody rated it.
     */
    public static List<ScoringModel.Item> items(Role.Stage stage, List<GradeEventDao.Event> events, ObjectMapper json) {
        InterviewKit kit = stage.kit();
        if (kit == null) {
            return List.of();
        }
        Map<String, Map<Long, GradeEvents.Entry<Rated>>> latest = latest(events, json);
        List<ScoringModel.Item> items = new ArrayList<>();
        for (InterviewKit.Question question : kit.questions()) {
            items.add(new ScoringModel.Item(
                    labId(stage),
                    question.id(),
                    question.points(),
                    question.skills(),
                    false,
                    credit(latest.getOrDefault(question.id(), Map.of()))));
        }
        return List.copyOf(items);
    }

    /** (mean rating - 1) / 4 over the given ratings, or null when there are none. */
    static @Nullable Double credit(Map<Long, GradeEvents.Entry<Rated>> ratings) {
        if (ratings.isEmpty()) {
            return null;
        }
        double mean = ratings.values().stream()
                .mapToInt(entry -> entry.value().rating())
                .average()
                .orElseThrow();
        return (mean - MIN) / (MAX - MIN);
    }

    /**
     * Each question's ratings, question id to interviewer to their latest rating (with who, when and notes), in
     * the order they were first given. Events of other kinds, and ratings without an actor, are left out.
     */
    public static Map<String, Map<Long, GradeEvents.Entry<Rated>>> latest(
            List<GradeEventDao.Event> events, ObjectMapper json) {
        Map<String, Map<Long, GradeEvents.Entry<Rated>>> latest = new LinkedHashMap<>();
        for (GradeEventDao.Event event : events) {
            Long actor = event.actorUserId();
            if (!event.eventType().equals(GradeEvents.KIT_RATED) || actor == null) {
                continue;
            }
            Rated rated = read(json, event);
            latest.computeIfAbsent(rated.question(), q -> new LinkedHashMap<>())
                    .put(actor, new GradeEvents.Entry<>(event.seq(), actor, event.createdAt(), rated));
        }
        return latest;
    }

    private static Rated read(ObjectMapper json, GradeEventDao.Event event) {
        try {
            return json.readValue(event.payload(), Rated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "grade event " + event.assessmentId() + "/" + event.seq() + " (" + GradeEvents.KIT_RATED
                            + ") does not read as a kit rating; run ./assay audit verify",
                    e);
        }
    }
}
