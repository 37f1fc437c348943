package dev.assay.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An invitation link is a credential: whoever reads it first can accept it. Opened in real headless Chromium
 * against the real service, with the request log written to a file as an operator would keep it, the token must
 * appear nowhere in that log: not as the requested path, and not in the {@code Referer} the page's own stylesheet
 * and script requests would carry.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Opening an invitation leaves its token out of the request log")
class InvitationPrivacyIT {
    private static final Path REQUEST_LOG =
            Path.of("target", "it-request-log", UUID.randomUUID() + ".log").toAbsolutePath();
    static final TestApp APP = TestApp.create(
            ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
            ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()),
            ConfigOverride.config("server.requestLog.appenders[0].archive", "false"));
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium(APP);

    @Test
    void theTokenStaysOutOfTheRequestLog() throws Exception {
        TestApp.Candidate invited = APP.invite("Rory Referrer");
        String token = invited.link().substring(invited.link().lastIndexOf('/') + 1);
        // A client that ignores Referrer-Policy and names the link anyway.
        invited.browser()
                .with("Referer", APP.base().resolve(invited.link()).toString())
                .get("/ping");
        CHROMIUM.driver().get(APP.base().resolve(invited.link()).toString());
        CHROMIUM.waiting(10).until(driver -> "complete".equals(CHROMIUM.script("return document.readyState")));
        CHROMIUM.click(By.xpath("//button[normalize-space()='Accept and continue']"));
        CHROMIUM.waiting(10).until(ExpectedConditions.urlMatches(".*/assessment$"));
        CHROMIUM.waiting(10).until(driver -> "complete".equals(CHROMIUM.script("return document.readyState")));

        String log = awaitLogLine("GET /assessment ");
        assertThat(log)
                .as("the log holds the visit's other requests, the page's assets among them")
                .contains("GET /assets/");
        assertThat(log).as("the invitation token in the request log").doesNotContain(token);
    }

    private static String awaitLogLine(String wanted) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String log = "";
        while (System.nanoTime() < deadline) {
            log = Files.exists(REQUEST_LOG) ? Files.readString(REQUEST_LOG) : "";
            if (log.contains(wanted)) {
                return log;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request log never showed '" + wanted + "':\n" + log);
    }
}
