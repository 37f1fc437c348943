package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Probes see the lab's network and processes with their own tools and file system, so a candidate who tampers with the
 * lab's binaries and libraries cannot change what they report.
 */
@DisplayName("Probe containers read the lab's network and processes with tools the candidate cannot touch")
class ProbeIT {
    static DockerEnvironmentDriver driver;
    static EnvironmentHandle lab;

    @BeforeAll
    static void provision() {
        driver = DockerLabs.driver();
        lab = driver.provision(new EnvironmentRequest(
                "it-probe-" + UUID.randomUUID().toString().substring(0, 8),
                "probe-target",
                "1",
                DockerLabs.image("assay/workbench:latest"),
                new EnvironmentRequest.Limits(0.5, 256L << 20, 128, 16L << 20),
                List.of(),
                "none",
                List.of(new EnvironmentRequest.SetupCommand(
                        "serve",
                        "mkdir -p /srv/site && echo genuine > /srv/site/index.html"
                                + " && (cd /srv/site && setsid python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &)"
                                + " && sleep 1"
                                // the candidate's tampering: a fake netstat and a preload in the lab
                                + " && printf '#!/bin/sh\\necho nothing here\\n' > /usr/local/bin/netstat && chmod +x /usr/local/bin/netstat"
                                + " && echo /nonexistent.so > /etc/ld.so.preload",
                        Duration.ofSeconds(60))),
                Instant.now().plus(Duration.ofHours(1))));
        DockerLabs.image("assay/probe:latest");
    }

    @AfterAll
    static void destroy() {
        driver.destroy(lab);
        driver.close();
    }

    private static ExecResult probe(String script) {
        return driver.probe(lab, ExecRequest.shell(script, Duration.ofSeconds(20)));
    }

    @Test
    void seesTheLabsNetwork() {
        ExecResult answer = probe("wget -qO- http://127.0.0.1:8080/index.html");
        assertThat(answer.stdout()).isEqualTo("genuine\n");
        assertThat(answer.exitCode()).isZero();
    }

    @Test
    @DisplayName("names the listening process by its executable path, not by what the lab's tools say")
    void seesTheLabsProcessesByExecutable() {
        assertThat(driver.exec(lab, ExecRequest.shell("netstat -tlnp", Duration.ofSeconds(10)))
                        .stdout())
                .isEqualTo("nothing here\n");
        assertThat(probe("netstat -tln").stdout()).contains("127.0.0.1:8080");
        // socket inode of the listener on port 8080 (0x1F90), then the process holding it, by executable path
        ExecResult owner = probe("inode=$(awk '$2 ~ /:1F90$/ && $4 == \"0A\" {print $10}' /proc/net/tcp);"
                + " for p in /proc/[0-9]*; do ls -l $p/fd 2>/dev/null | grep -q \"socket:\\[$inode\\]\""
                + " && readlink $p/exe; done");
        assertThat(owner.stdout()).startsWith("/usr/bin/python3");
    }

    @Test
    @DisplayName("has a file system of its own, and leaves nothing behind")
    void isolatedAndGone() {
        assertThat(probe("cat /srv/site/index.html").exitCode()).isNotZero();
        assertThat(probe("touch /probe-was-here").exitCode()).isNotZero();
        assertThat(driver.listManaged()).noneMatch(env -> "probe".equals(env.labId()));
    }
}
