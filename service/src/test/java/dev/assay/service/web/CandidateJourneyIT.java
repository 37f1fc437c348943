package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A candidate's hour, in real headless Chromium (Debian's chromium and chromedriver) at 1280x720: the invitation,
 * starting a lab, typing in the terminal and seeing the lab answer, checking progress, submitting, the done
 * page. Screenshots of each step are kept in {@code service/target/screenshots/}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A candidate goes from the invitation to the done page in a real browser")
class CandidateJourneyIT {
    private static final String LAB = "linux-web-outage";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    private static void shot(String name) throws IOException {
        CHROMIUM.shot(name);
    }

    private static WebDriverWait waiting(int seconds) {
        return CHROMIUM.waiting(seconds);
    }

    @Test
    void fromInvitationToDone() throws Exception {
        try {
            journey();
        } catch (RuntimeException | AssertionError e) {
            shot("failure");
            throw e;
        }
    }

    private static void journey() throws Exception {
        TestApp.Candidate invited = APP.invite("Casey Candidate");
        CHROMIUM.driver().get(APP.base().resolve(invited.link()).toString());
        assertThat(CHROMIUM.driver().getPageSource())
                .contains("Hello Casey Candidate", "recorded", "What to expect", "minutes in all", "The rules");
        shot("1-invitation");
        CHROMIUM.driver()
                .findElement(By.xpath("//button[normalize-space()='Accept and continue']"))
                .click();

        waiting(10).until(ExpectedConditions.urlMatches(".*/assessment$"));
        assertAccessible();
        shot("2-overview");
        CHROMIUM.driver()
                .findElement(By.cssSelector("form[action='/assessment/labs/" + LAB + "/start'] button"))
                .click();

        waiting(60).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + LAB + "$"));
        waiting(20).until(ExpectedConditions.textToBe(By.id("terminal-status"), "Connected to your lab."));
        WebElement terminal = CHROMIUM.driver().findElement(By.cssSelector("#terminal .xterm-helper-textarea"));
        terminal.sendKeys("echo hello-$((40+2))\n");
        waiting(20).until(driver -> rows().contains("hello-42"));
        assertAccessible();
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling at 1280x720")
                .isLessThanOrEqualTo(1280);
        shot("3-terminal");

        CHROMIUM.driver().findElement(By.id("check-progress")).click();
        waiting(30)
                .until(ExpectedConditions.textMatches(
                        By.id("progress-note"), java.util.regex.Pattern.compile("\\d of \\d checks pass.*")));
        List<WebElement> failing = CHROMIUM.driver().findElements(By.cssSelector("#progress li.fail"));
        assertThat(failing).as("the broken lab fails a visible check").isNotEmpty();
        assertThat(failing.get(0).findElement(By.cssSelector(".hint")).isDisplayed())
                .isTrue();
        shot("4-progress");

        CHROMIUM.driver().findElement(By.id("submit-lab")).click();
        waiting(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-submit")));
        shot("5-confirm");
        CHROMIUM.driver().findElement(By.id("confirm-yes")).click();
        waiting(60).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + LAB + "/done$"));
        assertThat(CHROMIUM.driver().findElement(By.tagName("h1")).getText()).startsWith("Submitted");
        assertThat(CHROMIUM.driver().getPageSource()).contains("You handed the lab in.");
        shot("6-done");
    }

    private static String rows() {
        return CHROMIUM.rows("window.assayTerminal");
    }

    private static Object script(String code) {
        return CHROMIUM.script(code);
    }

    private static void assertAccessible() {
        CHROMIUM.assertAccessible();
    }
}
