package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.web.Browser;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A lab declaring 64 MiB of disk whose candidate writes 200 MiB is stopped by the service's disk watch, the reason
 * is in the session's log and on the candidate's page, and the host's disk loses at most the declared disk and one
 * watch period's writes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A lab that writes past its declared disk is stopped, with the reason recorded and shown")
class LabDiskIT {
    private static final String LAB = "linux-web-outage";
    private static final long DISK_MIB = 64;
    private static final long WRITE_MIB = 200;
    private static final long PERIOD_SECONDS = 2;
    private static final Path LABS = LabPackCopy.with(LAB, "disk: 256Mi", "disk: " + DISK_MIB + "Mi");
    static final TestApp APP = TestApp.create(
            LABS.toString(), ConfigOverride.config("environments.diskWatchInterval", PERIOD_SECONDS + "s"));
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void prepare() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        APP.removeEnvironments();
        LabPackCopy.delete(LABS);
    }

    private static JsonNode session(TestApp.Candidate candidate) throws IOException {
        Browser staff = APP.browser();
        TestApp.signIn(staff, TestApp.ADMIN);
        return JSON.readTree(staff.getJson("/api/v1/assessments/" + candidate.assessmentId() + "/sessions")
                        .body())
                .path(0);
    }

    /** Free bytes of the file system under Docker's data root, where a container's writable layer lives. */
    private static long hostFree() throws IOException {
        String root = DockerCli.run("info", "--format", "{{.DockerRootDir}}");
        return Files.getFileStore(Path.of(root)).getUsableSpace();
    }

    /** What the test saw until the lab's log said it was stopped (or a minute passed). */
    private record Stop(JsonNode session, String running, long usedMib, long boundMib) {}

    private static Stop awaitStop(TestApp.Candidate candidate, String container, long before) throws Exception {
        long lowest = before;
        long started = System.nanoTime();
        long until = started + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode now = session(candidate);
        while (!now.path("events").toString().contains("wrote more than") && System.nanoTime() < until) {
            lowest = Math.min(lowest, hostFree());
            Thread.sleep(200);
            now = session(candidate);
        }
        long stoppedAfterMs = (System.nanoTime() - started) / 1_000_000;
        String running = DockerCli.attempt("inspect", "-f", "{{.State.Running}}", container);
        lowest = Math.min(lowest, hostFree());
        long usedMib = (before - lowest) >> 20;
        long bound = DISK_MIB + PERIOD_SECONDS * 20 + 32; // disk + one period at the writer's pace + others' noise
        System.out.printf(
                "lab disk: declared %d MiB, writer %d MiB at ~15 MiB/s, watch every %d s; stopped after %d ms;"
                        + " host free %d MiB before, lowest %d MiB (%d MiB used, bound %d MiB); container running: %s%n",
                DISK_MIB,
                WRITE_MIB,
                PERIOD_SECONDS,
                stoppedAfterMs,
                before >> 20,
                lowest >> 20,
                usedMib,
                bound,
                running);
        return new Stop(now, running, usedMib, bound);
    }

    @Test
    void writingPastTheDeclaredDiskStopsTheLab() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Wanda Writer");
        assertThat(candidate
                        .browser()
                        .postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        long sessionId = session(candidate).path("session").path("id").asLong();
        String container = "assay-lab-" + APP.instance() + "-" + sessionId;
        long before = hostFree();
        // 1 MiB at a time, about 15 MiB/s: the candidate's writes, from a process the terminal would have started
        DockerCli.run(
                "exec",
                "-d",
                container,
                "sh",
                "-c",
                "for i in $(seq " + WRITE_MIB + "); do head -c 1048576 /dev/zero >> /root/fill; sleep 0.05; done");
        Stop stop = awaitStop(candidate, container, before);
        JsonNode now = stop.session();

        assertThat(now.path("events").toString())
                .as("the session's log says why the lab ended")
                .contains("This lab was stopped: it wrote more than its 64 MiB of disk");
        assertThat(stop.running())
                .as("no more writes: the container is stopped or gone")
                .isNotEqualTo("true");
        assertThat(stop.usedMib()).as("host disk used by the lab").isLessThanOrEqualTo(stop.boundMib());

        HttpResponse<String> page = candidate.browser().get("/assessment/labs/" + LAB);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/assessment/labs/" + LAB + "/done");
        HttpResponse<String> done = candidate.browser().get("/assessment/labs/" + LAB + "/done");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("This lab was stopped: it wrote more than its 64 MiB of disk.");

        long graded = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!"graded".equals(session(candidate).path("session").path("state").asText())
                && System.nanoTime() < graded) {
            Thread.sleep(200);
        }
        assertThat(session(candidate).path("session").path("state").asText()).isEqualTo("graded");
        System.out.printf("after grading the lab is removed: host free %d MiB%n", hostFree() >> 20);
    }
}
