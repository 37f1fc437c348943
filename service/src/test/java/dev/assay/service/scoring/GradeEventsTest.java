package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.GradeEventDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The current review is what the events add up to, oldest first. */
@SuppressWarnings("NullAway") // asserted non-null by the test itself
class GradeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<GradeEventDao.Event> events = new ArrayList<>();

    private void add(String type, @org.jspecify.annotations.Nullable Long actor, Object payload) {
        events.add(new GradeEventDao.Event(
                1, events.size() + 1, type, actor, GradeEvents.write(JSON, payload), null, "h", Instant.EPOCH));
    }

    @Test
    void theLatestOverrideOfAnAttemptCountsAndOnlyForThatAttempt() {
        add(GradeEvents.CHECK_OVERRIDDEN, 7L, new GradeEvents.CheckOverride(10, "lab", "c", 0.0, 1.0, "other", "a"));
        add(GradeEvents.CHECK_OVERRIDDEN, 8L, new GradeEvents.CheckOverride(10, "lab", "c", 0.0, 0.5, "other", "b"));
        GradeEvents.Review review = GradeEvents.project(events, JSON);
        assertThat(review.override(10, "lab", "c").value().to()).isEqualTo(0.5);
        assertThat(review.override(10, "lab", "c").actor()).isEqualTo(8L);
        assertThat(review.override(11, "lab", "c"))
                .as("a later attempt is judged afresh")
                .isNull();
        assertThat(review.override(10, "lab", "d")).isNull();
    }

    @Test
    void aBlindRatingIsKeptWhenTheSameInterviewerRatesAgain() {
        add(GradeEvents.RATED, 7L, new GradeEvents.Rating("no", Map.of("linux", "no"), true));
        add(GradeEvents.SEEN, 7L, Map.of("where", "review page"));
        add(GradeEvents.RATED, 7L, new GradeEvents.Rating("yes", Map.of("linux", "yes"), false));
        add(GradeEvents.RATED, 9L, new GradeEvents.Rating("mixed", Map.of(), false));
        GradeEvents.Review review = GradeEvents.project(events, JSON);
        assertThat(review.ratings().get(7L).value().overall()).isEqualTo("yes");
        assertThat(review.blindRatings().get(7L).value().overall()).isEqualTo("no");
        assertThat(review.unanchoredRatings().get(7L).value().overall()).isEqualTo("no");
        assertThat(review.unanchoredRatings().get(9L).value().overall()).isEqualTo("mixed");
        assertThat(review.seenBy()).containsExactly(7L);
    }

    @Test
    void decisionsAndNotesAccumulate() {
        add(GradeEvents.DECIDED, 7L, new GradeEvents.Decision("reject", "review", "other", "first"));
        add(GradeEvents.NOTE, 7L, new GradeEvents.Note("one"));
        add(GradeEvents.DECIDED, 8L, new GradeEvents.Decision("review", "advance", "interview-evidence", "second"));
        add(GradeEvents.NOTE, 8L, new GradeEvents.Note("two"));
        add(GradeEvents.SCORED, null, Map.of("schema", "assay.scorecard/1"));
        GradeEvents.Review review = GradeEvents.project(events, JSON);
        assertThat(review.decision().value().to()).isEqualTo("advance");
        assertThat(review.notes()).extracting(n -> n.value().text()).containsExactly("one", "two");
    }
}
