package dev.assay.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.Blueprint;
import dev.assay.service.catalog.InterviewKit;
import dev.assay.service.catalog.Role;
import dev.assay.service.db.GradeEventDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An interview kit's questions count in a scorecard by the interviewers' latest ratings, 1..5 mapped to 0..1. */
@SuppressWarnings("NullAway") // asserted non-null by the test itself
class KitRatingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ANCHORS = List.of("one", "two", "three", "four", "five");
    private static final Role.Stage STAR = new Role.Stage(
            "star",
            "Behavioural interview",
            Role.Kind.INTERVIEW,
            List.of("leadership"),
            Blueprint.listed(List.of(), List.of()),
            new InterviewKit(List.of(
                    new InterviewKit.Question(
                            "incident",
                            "Tell me about an incident",
                            Map.of("monitoring", 0.5, "leadership", 0.5),
                            List.of(),
                            3,
                            ANCHORS,
                            "signals"),
                    new InterviewKit.Question(
                            "mistake",
                            "A mistake",
                            Map.of("leadership", 1.0),
                            List.of("Ownership"),
                            2,
                            ANCHORS,
                            "n"))));

    private final List<GradeEventDao.Event> events = new ArrayList<>();

    private void rate(long interviewer, String question, int rating, String notes) {
        events.add(new GradeEventDao.Event(
                1,
                events.size() + 1,
                GradeEvents.KIT_RATED,
                interviewer,
                GradeEvents.write(JSON, new KitRatings.Rated(question, rating, notes)),
                null,
                "h",
                Instant.EPOCH.plusSeconds(events.size())));
    }

    private ScoringModel.Item item(String question) {
        return KitRatings.items(STAR, events, JSON).stream()
                .filter(i -> i.checkId().equals(question))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("a question nobody rated is an item of the kit that does not count (credit null)")
    void unratedDoesNotCount() {
        events.add(new GradeEventDao.Event(1, 1, GradeEvents.NOTE, 7L, "{\"text\":\"x\"}", null, "h", Instant.EPOCH));
        List<ScoringModel.Item> items = KitRatings.items(STAR, events, JSON);
        assertThat(items).extracting(ScoringModel.Item::checkId).containsExactly("incident", "mistake");
        ScoringModel.Item incident = items.get(0);
        assertThat(incident.labId()).isEqualTo("kit:star");
        assertThat(incident.points()).isEqualTo(3.0);
        assertThat(incident.skills()).containsEntry("monitoring", 0.5).containsEntry("leadership", 0.5);
        assertThat(incident.gate()).isFalse();
        assertThat(incident.credit()).isNull();
        assertThat(incident.notGradable()).isNull();
    }

    @Test
    @DisplayName("two interviewers' ratings 4 and 5 make credit (4.5 - 1) / 4 = 0.875")
    void meanOfInterviewers() {
        rate(7, "incident", 4, "clear timeline");
        rate(8, "incident", 5, "measured follow-ups");
        assertThat(item("incident").credit()).isCloseTo(0.875, within(1e-9));
        assertThat(item("mistake").credit())
                .as("the other question is not rated")
                .isNull();
    }

    @Test
    @DisplayName("the latest rating of the same interviewer wins; the others' stay")
    void latestOfAnInterviewerWins() {
        rate(7, "mistake", 1, "first impression");
        rate(8, "mistake", 3, "");
        rate(7, "mistake", 5, "on reflection");
        assertThat(item("mistake").credit()).as("mean of 5 and 3").isCloseTo(0.75, within(1e-9));
        var latest = KitRatings.latest(events, JSON).get("mistake");
        assertThat(latest).containsOnlyKeys(7L, 8L);
        assertThat(latest.get(7L).value().notes()).isEqualTo("on reflection");
        assertThat(latest.get(7L).seq()).isEqualTo(3);
    }

    @Test
    @DisplayName("a labs stage has no kit, so no items")
    void labsStageHasNoItems() {
        rate(7, "incident", 4, "");
        assertThat(KitRatings.items(new Role.Stage("technical", "Technical", List.of("lab")), events, JSON))
                .isEmpty();
    }
}
