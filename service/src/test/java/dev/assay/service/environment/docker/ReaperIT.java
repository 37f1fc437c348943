package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.DockerCli;
import dev.assay.service.environment.EnvironmentHandle;
import dev.assay.service.environment.EnvironmentRequest;
import dev.assay.service.environment.EnvironmentStatus;
import dev.assay.service.environment.Reaper;
import dev.assay.service.environment.ReaperTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reaper removes expired and orphaned labs within one interval, and nothing else")
class ReaperIT {

    private static EnvironmentRequest request(String session, Instant expiresAt) {
        return new EnvironmentRequest(
                session,
                "reaper",
                "1",
                DockerLabs.image("assay/base:latest"),
                new EnvironmentRequest.Limits(0.25, 64L << 20, 32, 8L << 20),
                List.of(),
                "none",
                List.of(),
                expiresAt);
    }

    @Test
    void sweepsOnSchedule() throws Exception {
        String instance = "it-reaper-" + UUID.randomUUID().toString().substring(0, 8);
        String unlabelled =
                "assay-it-unlabelled-" + UUID.randomUUID().toString().substring(0, 8);
        try (DockerEnvironmentDriver driver = DockerLabs.driver(instance)) {
            Instant future = Instant.now().plus(Duration.ofHours(1));
            EnvironmentHandle expired =
                    driver.provision(request("expired", Instant.now().minusSeconds(60)));
            EnvironmentHandle orphan = driver.provision(request("orphan", future));
            EnvironmentHandle live = driver.provision(request("live", future));
            DockerCli.run(
                    "run",
                    "-d",
                    "--network",
                    "none",
                    "--label",
                    "assay.managed=false",
                    "--name",
                    unlabelled,
                    "assay/base:latest",
                    "sleep",
                    "600");

            ReaperTask task = new ReaperTask(
                    new Reaper(
                            List.of(driver),
                            (kind, environment) ->
                                    "live".equals(environment.handle().sessionId()),
                            Clock.systemUTC()),
                    Duration.ofSeconds(1));
            long started = System.nanoTime();
            task.start();
            try {
                while ((driver.status(expired) != EnvironmentStatus.GONE
                                || driver.status(orphan) != EnvironmentStatus.GONE)
                        && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                    Thread.sleep(100);
                }
            } finally {
                task.stop();
            }
            System.out.printf(
                    "reaper: expired and orphaned labs gone after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(driver.status(expired)).isEqualTo(EnvironmentStatus.GONE);
            assertThat(driver.status(orphan)).isEqualTo(EnvironmentStatus.GONE);
            assertThat(driver.status(live)).isEqualTo(EnvironmentStatus.RUNNING);
            assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", unlabelled))
                    .isEqualTo("true");
            driver.destroy(live);
        } finally {
            DockerCli.run("rm", "-f", unlabelled);
        }
    }

    @Test
    @DisplayName("another installation's labs are invisible to this one")
    void instancesAreSeparate() {
        try (DockerEnvironmentDriver mine = DockerLabs.driver(
                        "it-mine-" + UUID.randomUUID().toString().substring(0, 8));
                DockerEnvironmentDriver theirs = DockerLabs.driver(
                        "it-theirs-" + UUID.randomUUID().toString().substring(0, 8))) {
            EnvironmentHandle handle =
                    theirs.provision(request("theirs", Instant.now().minusSeconds(1)));
            Reaper.Sweep sweep = new Reaper(List.of(mine), (kind, environment) -> false, Clock.systemUTC()).sweep();
            assertThat(sweep.removedAny()).isFalse();
            assertThat(theirs.status(handle)).isEqualTo(EnvironmentStatus.RUNNING);
            theirs.destroy(handle);
        }
    }

    @Test
    @DisplayName("two installations on one engine give the same session id two different labs")
    void sameSessionIdTwoInstallations() {
        try (DockerEnvironmentDriver mine = DockerLabs.driver(
                        "it-mine-" + UUID.randomUUID().toString().substring(0, 8));
                DockerEnvironmentDriver theirs = DockerLabs.driver(
                        "it-theirs-" + UUID.randomUUID().toString().substring(0, 8))) {
            EnvironmentHandle ours =
                    mine.provision(request("same", Instant.now().plusSeconds(600)));
            EnvironmentHandle others =
                    theirs.provision(request("same", Instant.now().plusSeconds(600)));
            try {
                assertThat(others.externalId()).isNotEqualTo(ours.externalId());
                mine.destroy(ours);
                assertThat(theirs.status(others)).isEqualTo(EnvironmentStatus.RUNNING);
            } finally {
                mine.destroy(ours);
                theirs.destroy(others);
            }
        }
    }
}
