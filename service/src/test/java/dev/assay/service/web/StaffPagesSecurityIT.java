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
import org.openqa.selenium.support.ui.Select;

/**
 * The staff pages against hostile candidates and the wrong people, in real headless Chromium and over HTTP: an XSS
 * corpus in everything a candidate can make a grader report, and in their terminal recording, renders inert on
 * every page; candidates reach no staff page; interviewers cannot change rubrics; bad input is refused with what
 * to fix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Staff pages: hostile text is inert, roles hold, bad input is refused")
class StaffPagesSecurityIT {
    private static final String LAB = "linux-web-outage";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    /** Script tags, event attributes, javascript: URLs, breaking out of pre and textarea, terminal escapes, RLO. */
    static final List<String> CORPUS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "<a href=\"javascript:window.__xss=1\">link</a>",
            "\"><svg onload=window.__xss=1>",
            "</pre></textarea><script>window.__xss=1</script>",
            "\u001b[31mred\u001b[0m\u001b]0;pwned\u0007\u001b[2J",
            "invoice\u202Egpj.exe");

    @Test
    @DisplayName("an XSS corpus in candidate output, file names and recordings renders inert on every page")
    void hostileTextIsInert() throws Exception {
        String hostile = String.join(" ", CORPUS);
        TestApp.Candidate mallory = APP.invite("Mallory <img src=x onerror=window.__xss=1>");
        HostileAttempt.seed(APP.jdbi(), mallory.assessmentId(), LAB, hostile);
        Browser admin = APP.browser();
        TestApp.signIn(admin, TestApp.ADMIN);
        admin.get("/admin/assessments/" + mallory.assessmentId());
        admin.postForm("/admin/assessments/" + mallory.assessmentId() + "/reveal", java.util.Map.of(), true);
        String notes = "/admin/assessments/" + mallory.assessmentId() + "/notes";
        assertThat(admin.postForm(notes, java.util.Map.of("text", hostile), true)
                        .statusCode())
                .as("a note with terminal escapes or RLO is refused")
                .isEqualTo(400);
        String markup = String.join(" ", CORPUS.subList(0, 5));
        assertThat(admin.postForm(notes, java.util.Map.of("text", markup), true).statusCode())
                .isEqualTo(303);

        List<String> pages = List.of(
                "/admin",
                "/admin/assessments/" + mallory.assessmentId(),
                "/admin/labs",
                "/admin/labs/" + LAB + "/statistics",
                "/admin/rubrics/devops-engineer/technical");
        for (String page : pages) {
            assertThat(admin.get(page).headers().firstValue("Content-Security-Policy"))
                    .as("CSP on " + page)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        }
        inertInTheBrowser(mallory, pages);
    }

    private static void inertInTheBrowser(TestApp.Candidate mallory, List<String> pages) throws Exception {
        CHROMIUM.signIn(APP.base(), TestApp.ADMIN);
        for (String page : pages) {
            CHROMIUM.driver().get(APP.base().resolve(page).toString());
            assertInert(page);
        }
        CHROMIUM.driver()
                .get(APP.base()
                        .resolve("/admin/assessments/" + mallory.assessmentId())
                        .toString());
        String text = CHROMIUM.driver().findElement(By.tagName("main")).getText();
        assertThat(text)
                .as("the corpus is shown as text")
                .contains("<script>window.__xss=1</script>", "javascript:window.__xss=1", "\\x1b[31mred")
                .contains("invoice<U+202E>gpj.exe");
        CHROMIUM.waiting(10)
                .until(driver -> ((Number) CHROMIUM.script("return window.assayReplays.length")).intValue() == 1);
        new Select(CHROMIUM.driver().findElement(By.cssSelector(".replay-speed"))).selectByValue("8");
        CHROMIUM.driver().findElement(By.cssSelector(".replay-play")).click();
        CHROMIUM.waiting(20)
                .until(driver -> Boolean.TRUE.equals(CHROMIUM.script("return window.assayReplays[0].done")));
        assertInert("the replay");
        assertThat(CHROMIUM.driver().getTitle())
                .as("a terminal title sequence does not reach the page")
                .doesNotContain("pwned");
        CHROMIUM.shot("review-6-xss");

        CHROMIUM.signIn(APP.base(), TestApp.INTERVIEWER); // who has not seen Mallory's grade: the blind page
        CHROMIUM.driver()
                .get(APP.base()
                        .resolve("/admin/assessments/" + mallory.assessmentId())
                        .toString());
        assertThat(CHROMIUM.driver().findElements(By.id("show-grade"))).hasSize(1);
        assertInert("the blind review page");
        CHROMIUM.driver().manage().deleteAllCookies();
        CHROMIUM.driver().get(APP.base().resolve(mallory.link()).toString());
        assertInert("the invitation");
    }

    @Test
    @DisplayName("interviewers cannot change rubrics, candidates reach no staff page, and bad input is refused")
    void rolesAndBadInput() throws Exception {
        TestApp.Candidate quinn = APP.acceptedCandidate("Quinn Quiet");
        long id = quinn.assessmentId();
        HostileAttempt.seed(APP.jdbi(), id, LAB, "plain output");
        String rubric = "/admin/rubrics/devops-engineer/technical";
        List<String> pages = List.of(
                "/admin", "/admin/assessments/" + id, "/admin/labs", "/admin/labs/" + LAB + "/statistics", rubric);
        List<String> posts = List.of(
                "/admin/assessments/" + id + "/overrides",
                "/admin/assessments/" + id + "/notes",
                "/admin/assessments/" + id + "/rating",
                "/admin/assessments/" + id + "/reveal",
                rubric + "/draft",
                rubric + "/apply",
                rubric + "/discard");
        Browser candidate = quinn.browser();
        for (String page : pages) {
            var answer = candidate.get(page);
            assertThat(answer.statusCode()).as("a candidate on " + page).isIn(303, 401, 403);
            assertThat(answer.body()).doesNotContain("Quinn Quiet");
        }
        for (String post : posts) {
            assertThat(candidate
                            .postForm(post, java.util.Map.of("text", "x"), true)
                            .statusCode())
                    .as("a candidate posting to " + post)
                    .isIn(303, 401, 403);
        }
        interviewerCannotTuneAndBadReviewInputIsRefused(id, rubric, posts);
        badRubricInputIsRefused(rubric);
    }

    private static void interviewerCannotTuneAndBadReviewInputIsRefused(long id, String rubric, List<String> posts) {
        Browser interviewer = APP.browser();
        TestApp.signIn(interviewer, TestApp.INTERVIEWER);
        assertThat(interviewer.get(rubric).body())
                .contains("Only admins change rubrics")
                .doesNotContain("Edit the draft");
        for (String post : posts.subList(4, 7)) {
            assertThat(interviewer
                            .postForm(post, java.util.Map.of("mode", "yaml", "yaml", "x"), true)
                            .statusCode())
                    .as("an interviewer posting to " + post)
                    .isEqualTo(403);
        }
        interviewer.get("/admin/assessments/" + id);
        String overrides = "/admin/assessments/" + id + "/overrides";
        java.util.Map<java.util.Map<String, String>, String> bad = java.util.Map.of(
                java.util.Map.of("target", LAB + "/serves-shop", "credit", "1", "reason", "bogus", "comment", "c"),
                "reason: choose one of",
                java.util.Map.of("target", LAB + "/serves-shop", "credit", "1", "reason", "other"),
                "comment: required",
                java.util.Map.of("target", LAB + "/serves-shop", "credit", "NaN", "reason", "other", "comment", "c"),
                "credit: a number from 0 (fail) to 1 (pass)",
                java.util.Map.of("target", LAB + "/serves-shop", "credit", "2", "reason", "other", "comment", "c"),
                "credit: a number from 0 (fail) to 1 (pass)",
                java.util.Map.of("target", LAB + "/no-such-check", "credit", "1", "reason", "other", "comment", "c"),
                "has no check no-such-check",
                java.util.Map.of("target", "recommendation", "verdict", "hire", "reason", "other", "comment", "c"),
                "verdict: one of");
        for (var entry : bad.entrySet()) {
            var answer = interviewer.postForm(overrides, entry.getKey(), true);
            assertThat(answer.statusCode()).as(entry.getKey().toString()).isEqualTo(400);
            assertThat(answer.body()).contains(entry.getValue());
        }
        var rating = interviewer.postForm(
                "/admin/assessments/" + id + "/rating", java.util.Map.of("overall", "great"), true);
        assertThat(rating.statusCode()).isEqualTo(400);
        assertThat(rating.body()).contains("overall: one of");
    }

    private static void badRubricInputIsRefused(String rubric) {
        Browser admin = APP.browser();
        TestApp.signIn(admin, TestApp.ADMIN);
        admin.get(rubric);
        var garbage = admin.postForm(
                rubric + "/draft", java.util.Map.of("mode", "yaml", "yaml", "labs: [", "base", "none"), true);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("not valid YAML");
        var nan = admin.postForm(
                rubric + "/draft", java.util.Map.of("mode", "table", "base", "none", "cut0", "NaN"), true);
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(nan.body()).contains("cut0: &quot;NaN&quot; is not a number");
        var stale = admin.postForm(
                rubric + "/draft", java.util.Map.of("mode", "yaml", "yaml", "x: 1", "base", "abc"), true);
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.body()).contains("someone saved another draft");
        var apply = admin.postForm(rubric + "/apply", java.util.Map.of("revision", "abc"), true);
        assertThat(apply.statusCode()).isEqualTo(409);
    }

    private static void assertInert(String where) {
        assertThat(CHROMIUM.script("return String(window.__xss)"))
                .as("no script ran on " + where)
                .isEqualTo("undefined");
        Object live = CHROMIUM.script("return document.querySelectorAll('[onerror], [onload], [onclick], img[src=x],"
                + " a[href^=\"javascript:\"], script:not([src]), svg:not(.bars)').length");
        assertThat(((Number) live).intValue())
                .as("no live element from the corpus on " + where)
                .isZero();
        String body = String.valueOf(CHROMIUM.script("return document.body.innerText"));
        assertThat(body).as("no raw ESC or RLO on " + where).doesNotContain("\u001b", "\u202E");
    }
}
