package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.scoring.GradeEvents;
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
 * Issue 7's browser test, in real headless Chromium against the real service, engine and lab: a candidate works and
 * submits; an interviewer rates blind, opens the graded attempt, replays the terminal, overrides a check with a
 * reason and sees the recommendation change; an admin drafts a rubric in the table, previews the changed
 * recommendations and applies it. Screenshots are in {@code service/target/screenshots/review-*}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("An interviewer reviews and overrides, an admin tunes the rubric, in a real browser")
class ReviewJourneyIT {
    private static final String LAB = "linux-web-outage";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void reviewOverrideAndRubric() throws Exception {
        try {
            long assessment = candidateWorksAndSubmits();
            interviewerReviews(assessment);
            adminTunesTheRubric(assessment);
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("review-failure");
            throw e;
        }
    }

    private static long candidateWorksAndSubmits() throws Exception {
        TestApp.Candidate invited = APP.invite("Riley Reviewed");
        CHROMIUM.driver().get(APP.base().resolve(invited.link()).toString());
        CHROMIUM.driver()
                .findElement(By.xpath("//button[normalize-space()='Accept and continue']"))
                .click();
        CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/assessment$"));
        CHROMIUM.driver()
                .findElement(By.cssSelector("form[action='/assessment/labs/" + LAB + "/start'] button"))
                .click();
        CHROMIUM.waiting(60).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + LAB + "$"));
        CHROMIUM.waiting(20).until(ExpectedConditions.textToBe(By.id("terminal-status"), "Connected to your lab."));
        WebElement terminal = CHROMIUM.driver().findElement(By.cssSelector("#terminal .xterm-helper-textarea"));
        terminal.sendKeys("echo hello-$((40+2))\n");
        CHROMIUM.waiting(20)
                .until(driver -> CHROMIUM.rows("window.assayTerminal").contains("hello-42"));
        CHROMIUM.driver().findElement(By.id("submit-lab")).click();
        CHROMIUM.waiting(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-submit")));
        CHROMIUM.driver().findElement(By.id("confirm-yes")).click();
        CHROMIUM.waiting(60).until(ExpectedConditions.urlMatches(".*/done$"));
        CHROMIUM.waiting(120).until(driver -> "graded".equals(state(invited.assessmentId())));
        return invited.assessmentId();
    }

    private static String state(long assessment) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT state FROM lab_sessions WHERE assessment_id = :a ORDER BY id DESC LIMIT 1")
                        .bind("a", assessment)
                        .mapTo(String.class)
                        .one());
    }

    static void signIn(String email) {
        CHROMIUM.signIn(APP.base(), email);
    }

    private static void interviewerReviews(long assessment) throws Exception {
        signIn(TestApp.INTERVIEWER);
        assertThat(CHROMIUM.driver()
                        .findElement(By.xpath("//tr[td/a[text()='Riley Reviewed']]"))
                        .getText())
                .as("the dashboard says where the stage stands")
                .contains("1 of 1 graded");
        CHROMIUM.click(By.linkText("Riley Reviewed"));
        CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/admin/assessments/" + assessment + "$"));
        CHROMIUM.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("rating-form")));
        // The first visit is blind: the interviewer rates before the automated grade is shown.
        assertThat(CHROMIUM.driver().findElements(By.id("verdict")))
                .as("blind: no automated grade")
                .isEmpty();
        CHROMIUM.assertAccessible();
        CHROMIUM.shot("review-1-blind");
        new Select(CHROMIUM.driver().findElement(By.name("overall"))).selectByValue("no");
        new Select(CHROMIUM.driver().findElement(By.name("skill.linux"))).selectByValue("mixed");
        CHROMIUM.click(By.cssSelector("#rating-form button"));
        CHROMIUM.waiting(10)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "rated blind"));
        assertThat(CHROMIUM.driver().findElements(By.id("verdict")))
                .as("still blind until asked")
                .isEmpty();
        CHROMIUM.click(By.id("show-grade"));
        CHROMIUM.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(CHROMIUM.driver().getPageSource()).contains("rated blind, before seeing the automated grade");
        assertThat(CHROMIUM.driver().findElement(By.id("verdict")).getText()).isEqualTo("reject");
        CHROMIUM.assertAccessible();

        // The replay: 8x, played to the end, shows what the candidate saw; the timeline lists the command.
        new Select(CHROMIUM.driver().findElement(By.cssSelector(".replay-speed"))).selectByValue("8");
        CHROMIUM.waiting(10)
                .until(driver -> ((Number) CHROMIUM.script("return window.assayReplays.length")).intValue() == 1);
        assertThat(CHROMIUM.driver()
                        .findElement(By.cssSelector(".replay-commands"))
                        .getText())
                .contains("echo hello-$((40+2))");
        CHROMIUM.driver().findElement(By.cssSelector(".replay-play")).click();
        CHROMIUM.waiting(60)
                .until(driver -> CHROMIUM.rows("window.assayReplays[0].term").contains("hello-42"));
        CHROMIUM.shot("review-2-replay");

        // Override the gate the untouched lab failed: the recommendation moves from reject to review.
        WebElement check = CHROMIUM.driver().findElement(By.id("check-" + LAB + "-serves-shop"));
        check.findElement(By.cssSelector("details summary")).click();
        new Select(check.findElement(By.name("credit"))).selectByValue("1");
        new Select(check.findElement(By.name("reason"))).selectByValue("grader-misjudged");
        check.findElement(By.name("comment")).sendKeys("The shop answered on the public port in the replay.");
        check.findElement(By.cssSelector("button[type=submit]")).click();
        CHROMIUM.waiting(10).until(ExpectedConditions.textToBe(By.id("verdict"), "review"));
        assertThat(CHROMIUM.driver()
                        .findElement(By.id("check-" + LAB + "-serves-shop"))
                        .getText())
                .contains("Overridden by", "The check misjudged the work", "public port");
        CHROMIUM.shot("review-3-overridden");
        List<String> types = APP.jdbi().withExtension(GradeEventDao.class, dao -> dao.all(assessment)).stream()
                .map(GradeEventDao.Event::eventType)
                .toList();
        assertThat(types).contains(GradeEvents.RATED, GradeEvents.SEEN, GradeEvents.CHECK_OVERRIDDEN);
        assertThat(types.indexOf(GradeEvents.RATED)).isLessThan(types.indexOf(GradeEvents.SEEN));
    }

    private static void adminTunesTheRubric(long assessment) throws Exception {
        signIn(TestApp.ADMIN);
        CHROMIUM.driver().get(APP.base().resolve("/admin/labs").toString());
        CHROMIUM.driver()
                .findElement(By.linkText("Rubric of devops-engineer / technical"))
                .click();
        CHROMIUM.assertAccessible();
        String[] cuts = {"0.1", "0.2", "0.3", "0.4"};
        for (int i = 0; i < 4; i++) {
            WebElement cut = CHROMIUM.driver().findElement(By.name("cut" + i));
            cut.clear();
            cut.sendKeys(cuts[i]);
        }
        CHROMIUM.driver().findElement(By.id("save-table")).click();
        CHROMIUM.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        WebElement change =
                CHROMIUM.driver().findElement(By.xpath("//tr[@class='change'][td/a[text()='Riley Reviewed']]"));
        assertThat(change.getText()).contains("review", "advance");
        CHROMIUM.shot("review-4-preview");
        CHROMIUM.driver().findElement(By.id("apply-draft")).click();
        CHROMIUM.waiting(10)
                .until(ExpectedConditions.textMatches(
                        By.cssSelector("p.notice"),
                        java.util.regex.Pattern.compile("Applied version 1\\. \\d+ attempt.*")));
        CHROMIUM.driver()
                .get(APP.base().resolve("/admin/assessments/" + assessment).toString());
        assertThat(CHROMIUM.driver().findElement(By.id("verdict")).getText()).isEqualTo("advance");
        assertThat(CHROMIUM.driver().findElement(By.id("chain")).getText()).contains("verify");
        assertThat(CHROMIUM.driver().getPageSource()).contains("rescored", "rubric devops-engineer/technical@1");
        CHROMIUM.shot("review-5-applied");
    }
}
