package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In real headless Chromium: an interviewer opens a STAR interview's review page, follows it to the kit, reads a
 * question's anchors and notes prompt, rates two questions with notes and sees both ratings listed. Screenshots are
 * in {@code service/target/screenshots/kit-*}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An interviewer rates a STAR interview's kit in a real browser")
class KitRatingIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void ratesTwoQuestions() throws Exception {
        try {
            long id = invite();
            CHROMIUM.signIn(APP.base(), TestApp.INTERVIEWER);
            CHROMIUM.driver().get(APP.base().resolve("/admin/assessments/" + id).toString());
            CHROMIUM.click(By.id("kit-link"));
            CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/admin/assessments/" + id + "/kit$"));
            WebElement incident = CHROMIUM.driver().findElement(By.id("question-incident-owned"));
            assertThat(incident.getText())
                    .contains("Tell me about a production incident", "monitoring 0.5", "leadership 0.5")
                    .contains("No concrete incident, or only what others did")
                    .contains("Write down the signals they used")
                    .contains("Not rated yet");
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("kit-1-unrated");

            rate("incident-owned", 4, "Paged at 3am, found the cause in the LB logs; added an alert on 5xx rate.");
            rate("improved-step-by-step", 2, "Steps <small> but no reason for the order");

            WebElement first = CHROMIUM.driver().findElement(By.cssSelector("#question-incident-owned .kit-ratings"));
            assertThat(first.getText())
                    .contains("4 (As 3, with how they found the cause")
                    .contains("by Interviewer")
                    .contains("found the cause in the LB logs");
            WebElement second =
                    CHROMIUM.driver().findElement(By.cssSelector("#question-improved-step-by-step .kit-ratings"));
            assertThat(second.getText())
                    .contains("2 (Small changes, but no sense of why each came next)")
                    .contains("Steps <small> but no reason for the order");
            assertThat(CHROMIUM.driver()
                            .findElement(By.cssSelector("#rate-incident-owned input[value='4']"))
                            .isSelected())
                    .as("the form shows this interviewer's last rating")
                    .isTrue();
            CHROMIUM.assertAccessible();
            CHROMIUM.shot("kit-2-rated");
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("kit-failure");
            throw e;
        }
    }

    private static void rate(String question, int rating, String notes) {
        String form = "#rate-" + question;
        CHROMIUM.click(By.cssSelector(form + " input[name='rating'][value='" + rating + "']"));
        WebElement box = CHROMIUM.driver().findElement(By.cssSelector(form + " textarea[name='notes']"));
        box.clear();
        box.sendKeys(notes);
        CHROMIUM.click(By.cssSelector(form + " button[type='submit']"));
        CHROMIUM.waiting(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#question-" + question + " .kit-ratings"), notes));
    }

    private static long invite() {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"star@test.local\",\"name\":\"Sam Star\",\"roleId\":\"devops-engineer\",\"stage\":\"star\"}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("(?s).*\"assessmentId\"\\s*:\\s*(\\d+).*", "$1"));
        var assigned = admin.sendJson("PUT", "/api/v1/assessments/" + id + "/assignees/" + TestApp.INTERVIEWER, csrf);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        return id;
    }
}
