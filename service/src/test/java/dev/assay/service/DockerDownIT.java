package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("With the Docker engine unreachable the service still starts and serves, and says Docker is down")
class DockerDownIT {
    static final TestApp APP =
            TestApp.create(ConfigOverride.config("docker.host", "unix:///nonexistent/assay-test/docker.sock"));
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @Test
    void serviceRunsAndHealthNamesTheEngine() {
        assertThat(APP.browser().get("/ping").statusCode()).isEqualTo(200);
        assertThat(APP.browser().get("/login").statusCode()).isEqualTo(200);

        HttpResponse<String> health = new Browser(APP.admin()).getJson("/healthcheck");
        assertThat(health.statusCode()).isEqualTo(500);
        assertThat(health.body())
                .contains("\"database\":{\"healthy\":true")
                .contains("\"docker\":{\"healthy\":false")
                .contains("unix:///nonexistent/assay-test/docker.sock is not available");
    }

    @Test
    @DisplayName("Start answers 503 with Retry-After within 2 s, records why, and the candidate can try again")
    void startingALabSaysTryLater() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Engine Down");
        long started = System.nanoTime();
        HttpResponse<String> start =
                candidate.browser().postForm("/assessment/labs/linux-web-outage/start", java.util.Map.of(), true);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("start with the engine down: %d in %d ms%n", start.statusCode(), millis);
        assertThat(start.statusCode()).isEqualTo(503);
        assertThat(start.headers().firstValue("Retry-After")).hasValue("15");
        assertThat(millis).isLessThan(2000);
        List<String> states = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT state FROM lab_sessions WHERE assessment_id = :a")
                        .bind("a", candidate.assessmentId())
                        .mapTo(String.class)
                        .list());
        assertThat(states).containsExactly("provision_failed");
        assertThat(candidate.browser().get("/assessment").body()).contains("Could not be prepared", "Try again");
    }
}
