package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
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
}
