package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import dev.assay.service.web.GradedLabs;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server keeps each lab's limit and the stage's window: from the first Start, the candidate has their labs'
 * time plus the allowance for all of them. A lab started late ends when the window closes; once it has closed, no
 * lab starts, and the overview says so. The first lab is recorded as taken earlier (its creation moved back), the
 * second is started for real in the engine.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The server keeps each lab's limit and the stage's window")
class StageWindowIT {
    private static final List<String> LABS = List.of("git-merge-conflict", "linux-backup-prune", "nodejs-rates-crash");
    private static final Duration WINDOW = Duration.ofMinutes(15 + 15 + 15 + 15);
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    @Test
    void aLateLabEndsWithTheWindowAndAClosedWindowStartsNothing() throws Exception {
        TestApp.Candidate candidate =
                APP.invite("Wendy Window", "screening", "[\"" + String.join("\",\"", LABS) + "\"]");
        Browser browser = candidate.browser();
        browser.get(candidate.link());
        assertThat(browser.postForm(candidate.link() + "/accept", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/assessment").body())
                .contains("id=\"window\"", "You have 60 minutes for all of them from your first Start");

        Instant opened = Instant.now()
                .minus(WINDOW)
                .plus(Duration.ofMinutes(5))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long first = GradedLabs.gradedSession(APP.jdbi(), candidate.assessmentId(), LABS.get(0), "1", opened);

        HttpResponse<String> started = browser.postForm("/assessment/labs/" + LABS.get(1) + "/start", Map.of(), true);
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith("/assessment/labs/" + LABS.get(1));
        Instant deadline = deadlineOf(candidate.assessmentId(), LABS.get(1));
        assertThat(deadline)
                .as("15 minutes of its own, but the window closes 5 minutes from now")
                .isEqualTo(opened.plus(WINDOW));
        assertThat(browser.get("/assessment").body()).contains("60-minute window closes at");
        assertThat(browser.get("/assessment/labs/" + LABS.get(1)).body())
                .as("the lab page says which clock ends it")
                .contains("data-ends-by=\"window\"", "id=\"ends-by-window\"");

        moveBack(first, opened.minus(Duration.ofMinutes(10)));
        HttpResponse<String> refused = browser.postForm("/assessment/labs/" + LABS.get(2) + "/start", Map.of(), true);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).get().asString().endsWith("/assessment");
        assertThat(sessionCount(candidate.assessmentId(), LABS.get(2)))
                .as("nothing started")
                .isZero();
        String overview = browser.get("/assessment").body();
        assertThat(overview)
                .contains("60-minute window closed at", "Not started; the stage&#39;s window has closed.")
                .doesNotContain("/assessment/labs/" + LABS.get(2) + "/start");

        // The late lab's deadline is the window's close, now past: the server hands it in and says the window did it.
        Instant closed = opened.minus(Duration.ofMinutes(10)).plus(WINDOW);
        setDeadline(candidate.assessmentId(), LABS.get(1), closed);
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"graded".equals(stateOf(candidate.assessmentId(), LABS.get(1))) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(stateOf(candidate.assessmentId(), LABS.get(1))).isEqualTo("graded");
        assertThat(browser.get("/assessment/labs/" + LABS.get(1) + "/done").body())
                .contains("The stage&#39;s window closed before this lab&#39;s own time was up")
                .doesNotContain("The time limit was reached");
    }

    private static void setDeadline(long assessment, String lab, Instant at) {
        APP.jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE lab_sessions SET deadline_at = :at WHERE assessment_id = :a AND lab_id = :lab")
                        .bind("at", at)
                        .bind("a", assessment)
                        .bind("lab", lab)
                        .execute());
    }

    private static String stateOf(long assessment, String lab) {
        return APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT state FROM lab_sessions WHERE assessment_id = :a AND lab_id = :lab")
                                .bind("a", assessment)
                                .bind("lab", lab)
                                .mapTo(String.class)
                                .one());
    }

    private static Instant deadlineOf(long assessment, String lab) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT deadline_at FROM lab_sessions WHERE assessment_id = :a" + " AND lab_id = :lab")
                        .bind("a", assessment)
                        .bind("lab", lab)
                        .mapTo(Instant.class)
                        .one());
    }

    private static long sessionCount(long assessment, String lab) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM lab_sessions WHERE assessment_id = :a" + " AND lab_id = :lab")
                        .bind("a", assessment)
                        .bind("lab", lab)
                        .mapTo(Long.class)
                        .one());
    }

    /** The first lab was started earlier than recorded: the window closed before now. */
    private static void moveBack(long session, Instant to) {
        APP.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE lab_sessions SET created_at = :at WHERE id = :id")
                        .bind("at", to)
                        .bind("id", session)
                        .execute());
    }
}
