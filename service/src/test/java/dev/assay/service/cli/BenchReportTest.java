package dev.assay.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final Figure COLD = new Figure(
            "cold_provision",
            "cold provision",
            10,
            List.of(new Figure.Measure("p50", 366.64, "ms"), new Figure.Measure("p95", 861.1, "ms")),
            new Figure.Floor("bare docker run", List.of(new Figure.Measure("p95", 503.4, "ms"))),
            new Figure.Target("p95 <= 5x floor p95", true));
    private static final Figure EXEC =
            new Figure("exec", "exec round trip", 50, List.of(new Figure.Measure("p50", 82.9, "ms")), null, null);

    @Nested
    class Percentiles {
        @Test
        void nearestRankIsAlwaysOneOfTheSamples() {
            List<Double> samples = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0);
            assertThat(dev.assay.service.cli.Percentiles.of(samples, 0.50)).isEqualTo(5.0);
            assertThat(dev.assay.service.cli.Percentiles.of(samples, 0.95)).isEqualTo(10.0);
            assertThat(dev.assay.service.cli.Percentiles.of(samples, 0.10)).isEqualTo(1.0);
            assertThat(dev.assay.service.cli.Percentiles.of(List.of(7.0), 0.99)).isEqualTo(7.0);
        }

        @Test
        void refusesNoSamplesAndOutOfRangeQuantiles() {
            assertThatThrownBy(() -> dev.assay.service.cli.Percentiles.of(List.of(), 0.5))
                    .hasMessageContaining("no samples");
            assertThatThrownBy(() -> dev.assay.service.cli.Percentiles.of(List.of(1.0), 0))
                    .hasMessageContaining("(0, 1]");
        }
    }

    @Test
    void tableShowsEachFigureBesideItsFloorTargetAndVerdict() {
        String table = BenchReport.table(List.of(COLD, EXEC));
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("figure").contains("floor (same run)", "target");
        assertThat(lines.get(1))
                .contains("cold provision", "p50 366.6 ms, p95 861.1 ms", "bare docker run: p95 503.4 ms")
                .endsWith("p95 <= 5x floor p95  PASS");
        assertThat(lines.get(2)).contains("exec round trip", "p50 82.9 ms").endsWith("-");
        assertThat(lines.get(1).indexOf("p50 366.6")).isEqualTo(lines.get(2).indexOf("p50 82.9"));
    }

    @Test
    void jsonIsOneLineWithEveryFigureKeyedAndRounded() throws Exception {
        String json = BenchReport.json("all", Map.of("cores", 2), List.of(COLD, EXEC));
        assertThat(json).doesNotContain("\n");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("bench").asText()).isEqualTo("all");
        assertThat(root.get("cores").asInt()).isEqualTo(2);
        JsonNode cold = root.get("figures").get("cold_provision");
        assertThat(cold.get("n").asInt()).isEqualTo(10);
        assertThat(cold.get("p50_ms").asDouble()).isEqualTo(366.6);
        assertThat(cold.get("floor").get("p95_ms").asDouble()).isEqualTo(503.4);
        assertThat(cold.get("result").asText()).isEqualTo("PASS");
        assertThat(root.get("figures").get("exec").has("target")).isFalse();
    }

    @Test
    void measureKeysAndNumbersReadWell() {
        assertThat(new Figure.Measure("throughput", 2400, "req/s").key()).isEqualTo("throughput_req_s");
        assertThat(new Figure.Measure("memory allows", 9, "sessions").key()).isEqualTo("memory_allows_sessions");
        assertThat(BenchReport.number(100)).isEqualTo("100");
        assertThat(BenchReport.number(12.345)).isEqualTo("12.3");
    }

    @Test
    void idleTargetIsJudgedOnlyAtItsOwnScale() {
        Figure quick = IdleBench.figures("lab", 10, 10, 12, 3, 20_000).get(0);
        assertThat(quick.verdict()).isEqualTo("not judged");
        assertThat(quick.value("memory allows")).isEqualTo(10 + 1666);
        assertThat(IdleBench.figures("lab", 100, 100, 12, 3, 20_000).get(0).verdict())
                .isEqualTo("PASS");
        assertThat(IdleBench.figures("lab", 100, 97, 12, 3, 20_000).get(0).verdict())
                .isEqualTo("MISS");
    }

    @Test
    void readsDockerStatsAndMeminfo() {
        assertThat(IdleBench.mebibytes("12.5MiB / 256MiB")).isEqualTo(12.5);
        assertThat(IdleBench.mebibytes("512KiB / 256MiB")).isEqualTo(0.5);
        assertThat(IdleBench.mebibytes("1.5GiB / 2GiB")).isEqualTo(1536);
        assertThatThrownBy(() -> IdleBench.mebibytes("3XB / 1MiB")).hasMessageContaining("memory unit");
        assertThat(IdleBench.memAvailableKib("MemTotal:       24683520 kB\nMemAvailable:   23131136 kB\n"))
                .isEqualTo(23131136);
    }

    @Test
    void readsWrksLatencyDistributionAndErrors() {
        String wrk = """
                Running 10s test @ http://127.0.0.1:41234/assessment
                  2 threads and 32 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     4.10ms    2.01ms  41.00ms   80.00%
                    Req/Sec     3.90k   400.00     4.50k    70.00%
                  Latency Distribution
                     50%  850.00us
                     75%    4.80ms
                     90%    6.10ms
                     99%    1.20s
                  78000 requests in 10.00s, 300.00MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 4
                Requests/sec:   7800.00
                Transfer/sec:     30.00MB
                """;
        LoadResult result = LoadResult.ofWrk(wrk);
        assertThat(result.requests()).isEqualTo(78000);
        assertThat(result.seconds()).isEqualTo(10.0);
        assertThat(result.perSecond()).isEqualTo(7800.0);
        assertThat(result.p50Millis()).isEqualTo(0.85);
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.errors()).isEqualTo(7);
        assertThatThrownBy(() -> LoadResult.ofWrk("unable to connect to 127.0.0.1:1"))
                .hasMessageContaining("lacks its totals");
    }
}
