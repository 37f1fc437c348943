package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The system-design editor in real headless Chromium: a malformed design shows problems that name their line, a
 * valid one is drawn (SVG from the server, with a hostile name shown as text), and saving puts both documents in
 * the lab, where a reload finds them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A candidate writes, checks, draws and saves a system design in a real browser")
class DesignEditorIT {
    private static final String LAB = "design-nodered-scale";
    static final TestApp APP = TestApp.create();
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    static final String MALFORMED = """
            design: 1
            name: broken
            entry: [alb]
            components:
              - {name: alb, kind: load-balancer, replicas: many}
            """;

    static final String VALID = """
            design: 1
            name: "<script>alert(1)</script> platform"
            entry: [edge]
            slo: {availability: 99.9, rpo: 15m, rto: 1h}
            load: {requestsPerSecond: 100}
            components:
              - {name: edge, kind: load-balancer, instanceType: alb, replicas: 1, zones: [a, b], dependsOn: [app]}
              - {name: app, kind: forge, instanceType: m6g.large, replicas: 2, zones: [a, b], dependsOn: [db]}
            stores:
              - {name: db, engine: postgres, instanceType: db.r6g.large, replicas: 2, zones: [a, b],
                 replication: sync, backupInterval: 5m, storageGB: 100, storageType: rds-gp3}
            """;

    @AfterAll
    static void removeLabs() {
        APP.removeEnvironments();
    }

    @Test
    void writeCheckDrawSave() throws Exception {
        try {
            journey();
        } catch (RuntimeException | AssertionError e) {
            CHROMIUM.shot("design-failure");
            throw e;
        }
    }

    private static void journey() throws IOException {
        TestApp.Candidate invited = APP.invite("Dana Designer", "system-design");
        CHROMIUM.driver().get(APP.base().resolve(invited.link()).toString());
        CHROMIUM.driver()
                .findElement(By.xpath("//button[normalize-space()='Accept and continue']"))
                .click();
        CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/assessment$"));
        CHROMIUM.driver()
                .findElement(By.cssSelector("form[action='/assessment/labs/" + LAB + "/start'] button"))
                .click();
        CHROMIUM.waiting(60).until(ExpectedConditions.urlMatches(".*/assessment/labs/" + LAB + "$"));
        CHROMIUM.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("design-yaml")));

        type("design-yaml", MALFORMED);
        CHROMIUM.driver().findElement(By.id("design-check")).click();
        CHROMIUM.waiting(20)
                .until(d ->
                        !d.findElements(By.cssSelector("#design-problems li")).isEmpty());
        List<WebElement> problems = CHROMIUM.driver().findElements(By.cssSelector("#design-problems li"));
        assertThat(problems).extracting(WebElement::getText).anyMatch(text -> text.startsWith("Line 5"));
        assertThat(CHROMIUM.driver().findElements(By.cssSelector("#design-diagram svg")))
                .isEmpty();
        CHROMIUM.shot("design-1-problems");

        type("design-yaml", VALID);
        type("design-notes", "Two zones; the database is Multi-AZ.");
        CHROMIUM.driver().findElement(By.id("design-save")).click();
        CHROMIUM.waiting(20)
                .until(ExpectedConditions.textMatches(
                        By.id("design-status"), java.util.regex.Pattern.compile("Saved at .*")));
        assertThat(CHROMIUM.driver().findElements(By.cssSelector("#design-problems li")))
                .isEmpty();
        List<WebElement> parts = CHROMIUM.driver().findElements(By.cssSelector("#design-diagram svg g.part"));
        assertThat(parts).extracting(p -> p.getAttribute("data-name")).containsExactly("edge", "app", "db");
        assertThat(CHROMIUM.driver().findElements(By.cssSelector("#design-diagram svg line.edge")))
                .hasSize(2);
        assertThat(CHROMIUM.driver().findElements(By.cssSelector("#design-diagram script")))
                .isEmpty();
        CHROMIUM.assertAccessible();
        CHROMIUM.shot("design-2-diagram");

        CHROMIUM.driver().navigate().refresh();
        CHROMIUM.waiting(20).until(ExpectedConditions.textToBe(By.id("design-status"), "Loaded from your lab."));
        assertThat(CHROMIUM.driver().findElement(By.id("design-yaml")).getAttribute("value"))
                .contains("name: app");
        assertThat(CHROMIUM.driver().findElement(By.id("design-notes")).getAttribute("value"))
                .isEqualTo("Two zones; the database is Multi-AZ.");
    }

    /** Replaces a textarea's text, as a candidate pasting it would. */
    private static void type(String id, String text) {
        WebElement area = CHROMIUM.driver().findElement(By.id(id));
        CHROMIUM.driver().executeScript("arguments[0].value = arguments[1];", area, text);
    }
}
