package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.sessions.LabRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Setup scripts read $ASSAY_P_<NAME>; no daemon a setup step starts inherits the values")
class SetupParametersIT {
    private static final Map<String, String> VALUES = Map.of("port", "8642", "site", "emporium", "broken", "index");

    @Test
    void setupSeesTheValuesAndItsDaemonsDoNot() {
        Lab lab = LabCatalog.load(Path.of("../labs"), GraderRegistry.discover())
                .lab("linux-web-outage")
                .orElseThrow();
        EnvironmentRequest request = LabRequests.of(
                lab,
                "it-params-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now().plusSeconds(600),
                VALUES);
        // the lab's own step, then a daemon started the way a setup script starts one, then what the step saw
        List<EnvironmentRequest.SetupCommand> setup = new ArrayList<>();
        EnvironmentRequest.SetupCommand plant = request.setup().get(0);
        setup.add(new EnvironmentRequest.SetupCommand(
                plant.name(),
                plant.script()
                        + "\nnohup sleep 600 >/dev/null 2>&1 &\necho \"$ASSAY_P_PORT $ASSAY_P_SITE\" > /root/seen\n",
                plant.timeout()));
        EnvironmentRequest withDaemon = new EnvironmentRequest(
                request.sessionId(),
                request.labId(),
                request.labVersion(),
                request.image(),
                request.limits(),
                request.capabilities(),
                request.network(),
                setup,
                request.expiresAt());
        try (DockerEnvironmentDriver driver = DockerLabs.driver()) {
            EnvironmentHandle handle = driver.provision(withDaemon);
            try {
                assertThat(sh(driver, handle, "cat /root/seen")).isEqualTo("8642 emporium");
                assertThat(sh(driver, handle, "grep -c 'listen 8080' /etc/nginx/sites-enabled/emporium"))
                        .as("the planted site is the session's")
                        .isEqualTo("1");
                assertThat(sh(driver, handle, "pgrep -x sleep | head -1"))
                        .as("the daemon runs")
                        .matches("\\d+");
                assertThat(sh(
                                driver,
                                handle,
                                "for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done 2>/dev/null"))
                        .as("no process of the lab, the daemon included, has a value in its environment")
                        .doesNotContain("ASSAY_P_", "8642", "emporium");
            } finally {
                driver.destroy(handle);
            }
        }
    }

    private static String sh(DockerEnvironmentDriver driver, EnvironmentHandle handle, String script) {
        return driver.exec(handle, ExecRequest.shell(script, Duration.ofSeconds(20)))
                .stdout()
                .trim();
    }
}
