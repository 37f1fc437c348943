package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interviewer's rubric in the stage scorecard: an unrated item does not count (the skill's coverage says so),
 * the review page offers a 1-5 rating for it instead of an override, and a rating of 4 counts 0.75 of its points,
 * recorded with its reason in the grade log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An interviewer rates a system-design rubric item and the stage scorecard counts it")
class RubricRatingIT {
    private static final String LAB = "design-nodered-scale";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    void ratingCounts() throws Exception {
        TestApp.Candidate rita = APP.invite("Rita Rubric", "system-design");
        seedGraded(rita.assessmentId());
        Browser interviewer = APP.browser();
        TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        String page =
                interviewer.get("/admin/assessments/" + rita.assessmentId()).body();
        assertThat(page)
                .contains("Rate this item", "value=\"" + LAB + "/rubric-communication\"", "value=\"rubric-rating\"")
                .contains("awaiting the interviewer")
                .as("blind: the rubric's items only, no automated check")
                .doesNotContain("check-" + LAB + "-capacity");

        assertThat(leadership(interviewer, rita).path("coverage").asDouble())
                .as("an unrated item does not count: leadership comes from rubric items only")
                .isZero();
        var rated = interviewer.postForm(
                "/admin/assessments/" + rita.assessmentId() + "/overrides",
                Map.of(
                        "target", LAB + "/rubric-communication",
                        "credit", "0.75",
                        "reason", "rubric-rating",
                        "comment", "clear structure, stated assumptions unprompted"),
                true);
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(303);
        JsonNode card = scorecard(interviewer, rita);
        assertThat(card.path("checkOverrides").toString()).contains("rubric-communication", "rubric-rating", "0.75");
        assertThat(leadership(interviewer, rita).path("coverage").asDouble())
                .as("the rated item counts (the other lab's item is not rated yet)")
                .isGreaterThan(0.0);
        assertThat(interviewer.get("/admin/assessments/" + rita.assessmentId()).body())
                .contains("clear structure, stated assumptions unprompted");
    }

    private static JsonNode leadership(Browser staff, TestApp.Candidate candidate) throws Exception {
        for (JsonNode skill : scorecard(staff, candidate).path("skills")) {
            if (skill.path("id").asText().equals("leadership")) {
                return skill;
            }
        }
        throw new AssertionError("no leadership skill in the scorecard");
    }

    private static JsonNode scorecard(Browser staff, TestApp.Candidate candidate) throws Exception {
        var answer = staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/scorecard");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }

    /** A graded attempt: every automated check passed, every rubric item waits for its rating. */
    private static void seedGraded(long assessment) {
        Lab lab = LabCatalog.load(java.nio.file.Path.of("..", "labs"), dev.assay.grading.GraderRegistry.discover())
                .lab(LAB)
                .orElseThrow();
        GradedLabs.passed(APP.jdbi(), assessment, lab);
    }
}
