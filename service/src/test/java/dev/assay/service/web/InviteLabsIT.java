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
import org.openqa.selenium.support.ui.Select;

/**
 * In real headless Chromium: an admin picks two labs of the technical stage on the dashboard, previews them (total
 * time, evidence per skill, a warning for a measured skill the pick does not decide), invites two candidates in one
 * go, sees both links, and finds the pick on a review page. Screenshots are in
 * {@code service/target/screenshots/invite-*}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An admin picks a stage's labs, previews them and invites two candidates at once, in a real browser")
class InviteLabsIT {
    private static final String TECHNICAL = "devops-engineer/technical";
    private static final List<String> PICKED = List.of("aws-policy-review", "k8s-crashloop");

    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void picksPreviewsAndInvitesTwo() throws Exception {
        try {
            CHROMIUM.signIn(APP.base(), TestApp.ADMIN);
            new Select(CHROMIUM.driver().findElement(By.id("invite-target"))).selectByValue(TECHNICAL);
            assertThat(CHROMIUM.driver()
                            .findElement(By.cssSelector(".stage-labs[data-target='devops-engineer/screening']"))
                            .isDisplayed())
                    .as("only the selected stage's labs are shown")
                    .isFalse();
            CHROMIUM.click(By.id("compose-picked"));
            for (String lab : PICKED) {
                CHROMIUM.click(By.cssSelector("input[name='lab'][value='" + TECHNICAL + "/" + lab + "']"));
            }
            CHROMIUM.click(By.id("invite-preview"));
            CHROMIUM.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
            WebElement preview = CHROMIUM.driver().findElement(By.id("preview"));
            assertThat(preview.findElement(By.id("preview-time")).getText())
                    .matches("Total time: \\d+ min of a 90 min budget; difficulty \\d+");
            assertThat(preview.findElement(By.id("preview-labs")).getText()).contains(PICKED);
            assertThat(preview.findElement(By.id("preview-skills")).getText())
                    .contains("kubernetes: ", "aws: ", "iac: 0 counted check(s), coverage 0%, 0.0 points, short");
            assertThat(preview.findElement(By.id("preview-warnings")).getText())
                    .contains("iac is short")
                    .contains("cicd is short");
            assertThat(CHROMIUM.driver().findElement(By.id("compose-picked")).isSelected())
                    .as("the form keeps its choices across the preview")
                    .isTrue();
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("invite-1-preview");

            WebElement candidates = CHROMIUM.driver().findElement(By.id("invite-candidates"));
            candidates.sendKeys("Pat Picked, pat@test.local\nQuinn Picked, quinn@test.local\n");
            CHROMIUM.click(By.id("invite-submit"));
            CHROMIUM.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-answers")));
            List<WebElement> answers = CHROMIUM.driver().findElements(By.cssSelector(".invite-answer"));
            assertThat(answers).hasSize(2);
            assertThat(answers.get(0).getText()).contains("Pat Picked", "/i/");
            assertThat(answers.get(1).getText()).contains("Quinn Picked", "/i/");
            assertThat(CHROMIUM.driver().findElement(By.id("answers-heading")).getText())
                    .isEqualTo("Invited 2, refused 0");
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("invite-2-links");

            CHROMIUM.click(By.linkText("Pat Picked"));
            CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/admin/assessments/\\d+$"));
            assertThat(CHROMIUM.driver().findElement(By.id("composition")).getText())
                    .isEqualTo("Labs picked: " + String.join(", ", PICKED));
            CHROMIUM.shot("invite-3-review");
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("invite-failure");
            throw e;
        }
    }
}
