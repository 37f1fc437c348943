package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In real headless Chromium: an admin follows the dashboard to the candidates across the hiring plan, finds a
 * candidate invited to two stages with each stage's state, opens the candidate and sees every must-have without a
 * decision and the stages still to come; then a candidate through the whole plan (labs graded, rubric items and
 * kits rated) with every must-have decided and where each decision came from. Screenshots are in {@code service/target/screenshots/pipeline-*}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An admin follows a candidate across the hiring plan in a real browser")
class PipelineJourneyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MUST_HAVES =
            List.of("aws", "kubernetes", "nodejs", "cicd", "iac", "monitoring", "linux", "git");
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void twoStagesNoDecisionYet() throws Exception {
        try {
            long technical = APP.invite("Parker Plan", "technical").assessmentId();
            long design = APP.invite("Parker Plan", "system-design").assessmentId();
            CHROMIUM.signIn(APP.base(), TestApp.ADMIN);
            CHROMIUM.click(By.id("pipelines-link"));
            CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/admin/pipelines$"));
            WebElement row = CHROMIUM.driver().findElement(By.cssSelector("#pipelines .pipeline-row"));
            assertThat(row.getText()).contains("Parker Plan", "cand@test.local", "devops-engineer");
            assertThat(stateOf(row, "technical")).isEqualTo("invited");
            assertThat(stateOf(row, "system-design")).isEqualTo("invited");
            assertThat(stateOf(row, "screening")).isEqualTo("not invited");
            assertThat(row.findElement(By.cssSelector("[data-stage='technical'] a"))
                            .getAttribute("href"))
                    .endsWith("/admin/assessments/" + technical);
            assertThat(row.findElement(By.cssSelector(".to-do")).getText())
                    .contains("screening (not invited)", "technical (invited)", "no decision yet on aws");
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("pipeline-1-list");

            CHROMIUM.click(By.linkText("Parker Plan"));
            CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/admin/pipelines/" + design + "$"));
            assertThat(CHROMIUM.driver().findElement(By.id("verdict")).getText())
                    .isEqualTo("review");
            for (String skill : MUST_HAVES) {
                WebElement line =
                        CHROMIUM.driver().findElement(By.cssSelector("#must-haves tr[data-skill='" + skill + "']"));
                assertThat(line.findElement(By.className("rating")).getText())
                        .as(skill)
                        .isEqualTo("no decision");
                assertThat(line.findElement(By.className("no-decision")).getText())
                        .as(skill)
                        .contains("still to come:");
            }
            assertThat(row(By.cssSelector("#must-haves tr[data-skill='monitoring'] .no-decision")))
                    .contains("system-design (invited)");
            assertThat(row(By.cssSelector("#must-haves tr[data-skill='linux'] .no-decision")))
                    .contains("screening (not invited)");
            assertThat(CHROMIUM.driver().findElements(By.cssSelector("#nice-to-haves tr[data-skill]")))
                    .hasSize(6);
            assertThat(CHROMIUM.driver().findElement(By.id("recommendation")).getText())
                    .contains("must-have aws: no decision");
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("pipeline-2-candidate");
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("pipeline-failure");
            throw e;
        }
    }

    @Test
    @DisplayName("a candidate through the whole plan: every must-have decided, each with the stages and labs it came"
            + " from, and the recommendation over all of them")
    void fullPlanDecidesEveryMustHave() throws Exception {
        try {
            Map<String, Long> ids = seedWholePlan();

            CHROMIUM.signIn(APP.base(), TestApp.ADMIN);
            CHROMIUM.driver()
                    .get(APP.base()
                            .resolve("/admin/pipelines/" + ids.get("technical"))
                            .toString());
            for (String stage : ids.keySet()) {
                assertThat(row(By.cssSelector("#stages [data-stage='" + stage + "'] .state")))
                        .as(stage)
                        .isEqualTo("done");
            }
            for (String stage : List.of("screening", "technical", "system-design")) {
                assertThat(row(By.cssSelector("#stages [data-stage='" + stage + "']")))
                        .as(stage + ": every check passed, a must-have touched in passing is not held against it")
                        .endsWith("done (advance)");
            }
            for (String skill : MUST_HAVES) {
                WebElement line =
                        CHROMIUM.driver().findElement(By.cssSelector("#must-haves tr[data-skill='" + skill + "']"));
                assertThat(line.findElement(By.className("rating")).getText())
                        .as(skill)
                        .isNotEqualTo("no decision")
                        .isNotBlank();
                assertThat(line.findElements(By.className("no-decision")))
                        .as(skill)
                        .isEmpty();
                assertThat(line.findElements(By.tagName("td")).get(5).getText())
                        .as(skill + ": where the decision came from")
                        .containsPattern("(screening|technical|system-design)/[a-z0-9-]+ \\(\\d+\\)");
            }
            assertThat(row(By.cssSelector("#must-haves tr[data-skill='monitoring'] td:last-child")))
                    .contains("system-design/design-incident");
            assertThat(row(By.cssSelector("#nice-to-haves tr[data-skill='leadership'] td:last-child")))
                    .as("the STAR and final kits' questions count where they weigh a skill")
                    .contains("star/kit:star", "final/kit:final");
            assertThat(CHROMIUM.driver().findElement(By.id("verdict")).getText())
                    .isEqualTo("advance");
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("pipeline-3-decided");
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("pipeline-failure-decided");
            throw e;
        }
    }

    /**
     * Dana through every stage: each labs stage composed for her, its labs graded with every check passed and every
     * rubric item rated; each kit question rated 4. Returns each stage's assessment.
     */
    private static Map<String, Long> seedWholePlan() throws Exception {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        LabCatalog catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String stage : List.of("screening", "technical", "system-design")) {
            JsonNode created = invite(admin, csrf, stage, ",\"compose\":\"auto\"");
            long id = created.path("assessmentId").asLong();
            ids.put(stage, id);
            for (JsonNode labId : created.path("labs")) {
                Lab lab = catalog.lab(labId.asText()).orElseThrow();
                GradedLabs.passed(APP.jdbi(), id, lab);
                rateRubricItems(admin, id, lab);
            }
        }
        for (String stage : List.of("star", "final")) {
            long id = invite(admin, csrf, stage, "").path("assessmentId").asLong();
            ids.put(stage, id);
            JsonNode kit = JSON.readTree(
                    admin.getJson("/api/v1/assessments/" + id + "/kit").body());
            for (JsonNode question : kit.path("questions")) {
                HttpResponse<String> rated = admin.sendJson(
                        "PUT",
                        "/api/v1/assessments/" + id + "/kit/"
                                + question.path("id").asText(),
                        "{\"rating\": 4, \"notes\": \"a concrete example, owned the outcome\"}",
                        csrf);
                assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
            }
        }
        return ids;
    }

    private static JsonNode invite(Browser admin, String csrf, String stage, String extra) throws Exception {
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"dana@test.local\",\"name\":\"Dana Done\",\"roleId\":\"devops-engineer\"," + "\"stage\":\""
                        + stage + "\"" + extra + "}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** Rates each of the lab's rubric items (the interviewer grader) as an interviewer does on the review page. */
    private static void rateRubricItems(Browser admin, long assessment, Lab lab) {
        admin.get("/admin/assessments/" + assessment); // the form's CSRF token, as the page gives it
        for (Lab.Check check : lab.checks()) {
            if (check.grader().equals("interviewer")) {
                HttpResponse<String> rated = admin.postForm(
                        "/admin/assessments/" + assessment + "/overrides",
                        Map.of(
                                "target", lab.id() + "/" + check.id(),
                                "credit", "0.75",
                                "reason", "rubric-rating",
                                "comment", "clear, stated assumptions"),
                        true);
                assertThat(rated.statusCode()).as(rated.body()).isEqualTo(303);
            }
        }
    }

    private static String stateOf(WebElement row, String stage) {
        return row.findElement(By.cssSelector("[data-stage='" + stage + "'] .state"))
                .getText();
    }

    private static String row(By by) {
        return CHROMIUM.driver().findElement(by).getText();
    }
}
