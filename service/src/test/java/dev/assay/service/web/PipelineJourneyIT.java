package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
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
 * decision and the stages still to come. Screenshots are in {@code service/target/screenshots/pipeline-*}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An admin follows a candidate across the hiring plan in a real browser")
class PipelineJourneyIT {
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

    private static String stateOf(WebElement row, String stage) {
        return row.findElement(By.cssSelector("[data-stage='" + stage + "'] .state"))
                .getText();
    }

    private static String row(By by) {
        return CHROMIUM.driver().findElement(by).getText();
    }
}
