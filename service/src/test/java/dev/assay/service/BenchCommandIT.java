package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark runs and prints its table and JSON line; the figures themselves are judged by people, not here. */
@DisplayName("bench provision runs against the real engine and prints figures")
class BenchCommandIT {
    private static String bench(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("assay.jar", "target/assay-service.jar"))
                .toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "bench"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void printsTableAndJson() throws Exception {
        String output = bench("provision", "--rounds", "1", "--image", "assay/base:latest");
        assertThat(output)
                .contains("driver cold provision", "bare docker run", "driver exec round trip", "warm claim")
                .containsPattern(
                        "\\{\"bench\":\"provision\",\"bare_docker_run_p50_ms\":[0-9.]+,.*\"warm_claim_p95_ms\":[0-9.]+}")
                .doesNotContain("WARN", "ERROR");
    }

    @Test
    void terminalBenchTimesEchoThroughTheWebSocketAndTheFloor() throws Exception {
        String output = bench("terminal", "--rounds", "2");
        assertThat(output)
                .contains("TTY exec echo floor", "terminal echo through the WebSocket")
                .containsPattern("\\{\"bench\":\"terminal\",\"TTY_exec_echo_floor_p50_ms\":[0-9.]+,.*"
                        + "\"terminal_echo_through_the_WebSocket_p95_ms\":[0-9.]+}")
                .doesNotContain("WARN", "ERROR");
    }

    @Test
    void gradeBenchGradesTenChecksThatAllPass() throws Exception {
        String output = bench("grade", "--rounds", "1");
        assertThat(output)
                .contains("exec round trip (floor)", "full grade (10 checks)")
                .containsPattern(
                        "\\{\"bench\":\"grade\",\"exec_round_trip_p50_ms\":[0-9.]+,.*\"full_grade_p95_ms\":[0-9.]+}")
                .doesNotContain("WARN", "ERROR");
    }
}
