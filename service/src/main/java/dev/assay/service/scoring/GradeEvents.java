package dev.assay.service.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.GradeEventDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of event in an assessment's grade log, their payloads, and the projection that makes the current
 * review out of them: the latest override of each check, the latest decision on the recommendation, every note,
 * each interviewer's latest rating, and who has seen the automated grade. Nothing is ever updated in place.
 */
public final class GradeEvents {
    public static final String SCORED = "scored";
    public static final String RESCORED = "rescored";
    public static final String CHECK_OVERRIDDEN = "check-overridden";
    public static final String DECIDED = "recommendation-overridden";
    public static final String NOTE = "note";
    public static final String RATED = "interviewer-rated";
    public static final String SEEN = "grade-seen";
    /** A staff member assigned to the assessment: they may see and act on it from now on. */
    public static final String ASSIGNED = "staff-assigned";
    /** The assessment's labs as chosen at invitation: how (auto from a seed, or picked), the seed, the labs. */
    public static final String COMPOSED = "labs-composed";
    /** A staff member's assignment removed. */
    public static final String UNASSIGNED = "staff-unassigned";
    /** An interviewer's rating (1 to 5) of one question of an interview stage's kit, with notes ({@link KitRatings}). */
    public static final String KIT_RATED = "kit-rated";

    /** Why an interviewer changed a grade: one of these, and a comment in their own words. */
    public static final Map<String, String> REASONS = reasons();

    /** The verdicts an interviewer may decide. */
    public static final List<String> VERDICTS = Verdict.wires();

    /**
     * A check of one attempt ({@code session}) re-judged: {@code from} the credit it had (null: not graded), {@code
     * to} the credit it counts. It applies to that attempt only; a later attempt is judged afresh.
     */
    public record CheckOverride(
            long session,
            String lab,
            String check,
            @Nullable Double from,
            double to,
            String reason,
            String comment) {}

    /** The recommendation replaced by a person's decision. */
    public record Decision(String from, String to, String reason, String comment) {}

    public record Note(String text) {}

    /** Whom an assignment change concerns (the actor of the event made it). */
    public record Assignment(long user, String email) {}

    /**
     * An interviewer's own five-point rating: overall, and per skill where they rated it. {@code blind} is true when
     * they had not seen the automated grade of this assessment before (the service decides it from the log).
     */
    public record Rating(String overall, Map<String, String> skills, boolean blind) {}

    /** An event as the review shows it: who, when, and the payload read back. */
    public record Entry<T>(int seq, @Nullable Long actor, Instant at, T value) {}

    /** The current review: what the events add up to. */
    public record Review(
            Map<String, Entry<CheckOverride>> checkOverrides,
            @Nullable Entry<Decision> decision,
            List<Entry<Note>> notes,
            Map<Long, Entry<Rating>> ratings,
            Map<Long, Entry<Rating>> blindRatings,
            Set<Long> seenBy) {
        /** No events at all. */
        public static final Review NONE = new Review(Map.of(), null, List.of(), Map.of(), Map.of(), Set.of());

        /** The latest override of a check of that attempt, if any. */
        public @Nullable Entry<CheckOverride> override(long session, String lab, String check) {
            Entry<CheckOverride> entry = checkOverrides.get(lab + "/" + check);
            return entry != null && entry.value().session() == session ? entry : null;
        }

        /**
         * The rating of each interviewer that agreement statistics use: the first one given blind when there is
         * one (it is not anchored by the automated grade), else the latest.
         */
        public Map<Long, Entry<Rating>> unanchoredRatings() {
            Map<Long, Entry<Rating>> chosen = new LinkedHashMap<>(ratings);
            chosen.putAll(blindRatings);
            return chosen;
        }
    }

    private GradeEvents() {}

    private static Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("grader-misjudged", "The check misjudged the work");
        reasons.put("alternative-solution", "A correct approach the check does not know");
        reasons.put("environment-fault", "The lab environment failed, not the candidate");
        reasons.put("partial-credit", "Partly right: partial credit");
        reasons.put("integrity", "Integrity concern (copied or forged work)");
        reasons.put("interview-evidence", "What the candidate showed in the interview");
        reasons.put("rubric-rating", "The interviewer's rating of a rubric item (1 to 5)");
        reasons.put("other", "Other (say why in the comment)");
        return java.util.Collections.unmodifiableMap(reasons);
    }

    /** Reads the events, oldest first, into the current review. */
    public static Review project(List<GradeEventDao.Event> events, ObjectMapper json) {
        Map<String, Entry<CheckOverride>> overrides = new LinkedHashMap<>();
        Entry<Decision> decision = null;
        List<Entry<Note>> notes = new ArrayList<>();
        Map<Long, Entry<Rating>> ratings = new LinkedHashMap<>();
        Map<Long, Entry<Rating>> blind = new LinkedHashMap<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (GradeEventDao.Event event : events) {
            Long actor = event.actorUserId();
            switch (event.eventType()) {
                case CHECK_OVERRIDDEN -> {
                    var entry = entry(event, read(json, event, CheckOverride.class));
                    overrides.put(entry.value().lab() + "/" + entry.value().check(), entry);
                }
                case DECIDED -> decision = entry(event, read(json, event, Decision.class));
                case NOTE -> notes.add(entry(event, read(json, event, Note.class)));
                case RATED -> {
                    if (actor != null) {
                        Entry<Rating> rating = entry(event, read(json, event, Rating.class));
                        ratings.put(actor, rating);
                        if (rating.value().blind()) {
                            blind.putIfAbsent(actor, rating);
                        }
                    }
                }
                case SEEN -> {
                    if (actor != null) {
                        seen.add(actor);
                    }
                }
                default -> {
                    // scores and rescores: the scorecard is computed, these are its audit trail
                }
            }
        }
        return new Review(
                java.util.Collections.unmodifiableMap(overrides),
                decision,
                List.copyOf(notes),
                java.util.Collections.unmodifiableMap(ratings),
                java.util.Collections.unmodifiableMap(blind),
                java.util.Collections.unmodifiableSet(seen));
    }

    private static <T> Entry<T> entry(GradeEventDao.Event event, T value) {
        return new Entry<>(event.seq(), event.actorUserId(), event.createdAt(), value);
    }

    private static <T> T read(ObjectMapper json, GradeEventDao.Event event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "grade event " + event.assessmentId() + "/" + event.seq() + " (" + event.eventType()
                            + ") does not read as " + type.getSimpleName() + "; run ./assay audit verify",
                    e);
        }
    }

    /** The payload as stored. */
    public static String write(ObjectMapper json, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a grade event", e);
        }
    }
}
