package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.Terminal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * /tmp and /var/tmp are memory (tmpfs, charged to the lab's memory cgroup): a candidate who fills them both must
 * still leave the lab usable, later commands and the terminal's shell included.
 */
@DisplayName("A full /tmp and /var/tmp leave the lab usable")
class ScratchSpaceIT {
    /** A lab whose declared disk is larger than its memory, as the default lab is (1 GiB disk, 512 MiB memory). */
    private static final long MEMORY = 128L << 20;

    private static final long DISK = 256L << 20;
    private DockerEnvironmentDriver driver;
    private EnvironmentHandle lab;

    @BeforeEach
    void provision() {
        driver = DockerLabs.driver();
        lab = driver.provision(new EnvironmentRequest(
                "it-scratch-" + UUID.randomUUID().toString().substring(0, 8),
                "scratch",
                "1",
                DockerLabs.image("assay/workbench:latest"),
                new EnvironmentRequest.Limits(0.5, MEMORY, 64, DISK),
                List.of(),
                "none",
                List.of(),
                Instant.now().plus(Duration.ofHours(1))));
    }

    @AfterEach
    void destroy() {
        driver.destroy(lab);
        driver.close();
    }

    private ExecResult run(String script) {
        return driver.exec(lab, new ExecRequest(List.of("bash", "-c", script), Duration.ofSeconds(60), 4096));
    }

    @Test
    @DisplayName("dd fills /tmp and /var/tmp until they refuse; then an exec and a terminal's shell still exit 0")
    void fullScratchLeavesTheLabUsable() throws Exception {
        ExecResult fill = run("dd if=/dev/zero of=/tmp/fill bs=1M 2>&1; echo tmp=$?;"
                + " dd if=/dev/zero of=/var/tmp/fill bs=1M 2>&1; echo vartmp=$?;"
                + " du -sm /tmp/fill /var/tmp/fill");
        System.out.printf(
                "filling scratch space (memory %d MiB): exit %d%n%s", MEMORY >> 20, fill.exitCode(), fill.stdout());
        assertThat(fill.exitCode())
                .as("the filling command survives: %s", fill.stdout())
                .isZero();
        assertThat(fill.stdout())
                .contains("No space left on device")
                .contains("tmp=1")
                .contains("vartmp=1");

        ExecResult later = run("echo alive");
        assertThat(later.exitCode()).as("a later exec").isZero();
        assertThat(later.stdout()).isEqualTo("alive\n");

        StringBuffer output = new StringBuffer();
        CountDownLatch ended = new CountDownLatch(1);
        Terminal terminal =
                driver.openTerminal(lab, new Terminal.Request(List.of("/bin/bash"), 80, 24), new Terminal.Listener() {
                    @Override
                    public void output(byte[] bytes) {
                        output.append(new String(bytes, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void closed(String why) {
                        ended.countDown();
                    }
                });
        terminal.write("ls /tmp >/dev/null; echo shell-rc-$?-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!output.toString().contains("shell-rc-0-42") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        terminal.close();
        assertThat(output.toString()).as("the terminal's shell answers").contains("shell-rc-0-42");
    }
}
