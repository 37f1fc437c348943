package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A candidate of a composed stage, in real headless Chromium: the overview lists every lab composed for them with
 * its time and the total, and they take two of them in the order they choose (the last listed first).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A candidate takes the labs composed for them, in the order they choose, in a real browser")
class ComposedStageIT {
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void twoLabsInTheCandidatesOrder() throws Exception {
        try {
            journey();
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("composed-failure");
            throw e;
        }
    }

    private static void journey() throws Exception {
        Browser admin = APP.browser();
        String csrf = TestApp.signIn(admin, TestApp.ADMIN);
        HttpResponse<String> created = admin.postJson(
                "/api/v1/assessments",
                "{\"email\":\"composed@test.local\",\"name\":\"Compo Sed\",\"roleId\":\"devops-engineer\","
                        + "\"stage\":\"screening\",\"compose\":\"auto\"}",
                csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = new ObjectMapper().readTree(created.body());
        List<String> labs = new ArrayList<>();
        body.path("labs").forEach(lab -> labs.add(lab.asText()));
        assertThat(labs).as("the screening composes at least two labs").hasSizeGreaterThanOrEqualTo(2);

        CHROMIUM.driver()
                .get(APP.base()
                        .resolve(URI.create(body.path("link").asText()).getPath())
                        .toString());
        CHROMIUM.driver()
                .findElement(By.xpath("//button[normalize-space()='Accept and continue']"))
                .click();
        CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/assessment$"));
        String plan = CHROMIUM.driver().findElement(By.id("plan")).getText();
        assertThat(plan).startsWith(labs.size() + " labs, ").contains("minutes in all", "in any order");
        assertThat(CHROMIUM.driver().findElement(By.id("window")).getText())
                .as("the stage's window, before the first Start")
                .contains("minutes for all of them from your first Start");
        for (String lab : labs) {
            assertThat(CHROMIUM.driver()
                            .findElements(By.cssSelector("form[action='/assessment/labs/" + lab + "/start']")))
                    .as(lab + " can be started from the overview")
                    .hasSize(1);
        }
        CHROMIUM.shot("composed-1-overview");

        String second = labs.get(labs.size() - 1);
        String first = labs.get(0);
        takeAndSubmit(second);
        CHROMIUM.driver().get(APP.base().resolve("/assessment").toString());
        assertThat(CHROMIUM.driver().findElement(By.id("window")).getText())
                .as("the window opened with the first Start")
                .contains("window closes at");
        takeAndSubmit(first);

        List<String> order = APP.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT lab_id FROM lab_sessions WHERE assessment_id = :id" + " ORDER BY id")
                                .bind("id", body.path("assessmentId").asLong())
                                .mapTo(String.class)
                                .list());
        assertThat(order).as("started in the candidate's order").containsExactly(second, first);
    }

    private static void takeAndSubmit(String lab) throws Exception {
        CHROMIUM.driver()
                .findElement(By.cssSelector("form[action='/assessment/labs/" + lab + "/start'] button"))
                .click();
        CHROMIUM.waiting(60).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + lab + "$"));
        CHROMIUM.waiting(20).until(ExpectedConditions.textToBe(By.id("terminal-status"), "Connected to your lab."));
        CHROMIUM.shot("composed-" + lab);
        CHROMIUM.driver().findElement(By.id("submit-lab")).click();
        CHROMIUM.waiting(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-submit")));
        CHROMIUM.driver().findElement(By.id("confirm-yes")).click();
        CHROMIUM.waiting(90).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + lab + "/done$"));
        assertThat(CHROMIUM.driver().getPageSource()).contains("You handed the lab in.");
    }
}
