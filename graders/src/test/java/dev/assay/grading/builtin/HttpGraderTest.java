package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpGraderTest {
    private final HttpGrader grader = new HttpGrader();

    private static FixtureLab answering(String raw, String uptime) {
        return new FixtureLab().probe(c -> FixtureLab.exit(0, raw, "uptime " + uptime + "\n"));
    }

    private static final String SHOP =
            "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n" + "<h1>Welcome to the shop</h1>\n";

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("url", "http://127.0.0.1/", "status", 200));
    }

    @Test
    void statusBodyAndHeadersFromTheProbe() {
        FixtureLab lab = answering(SHOP, "100.00 100.03");
        CheckResult result = grader.grade(
                lab,
                Map.of(
                        "url",
                        "http://127.0.0.1/",
                        "body",
                        "Welcome to the shop",
                        "headers",
                        Map.of("Content-Type", "text/html")));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(lab.labCommands()).isEmpty();
        assertThat(lab.probeCommands().get(0)).contains("127.0.0.1", "80");
        assertThat(result.observations()).anySatisfy(o -> assertThat(o.value()).isEqualTo("30 ms (10 ms resolution)"));
    }

    @Test
    void theRequestGoesAsAnArgumentNeverIntoTheScript() {
        FixtureLab lab = answering(SHOP, "1.00 1.00");
        grader.grade(lab, Map.of("url", "http://shop.internal:8080/a?b=$(reboot)"));
        var command = lab.probeCommands().get(0);
        assertThat(command.get(2)).doesNotContain("reboot").doesNotContain("shop.internal");
        assertThat(command).contains("shop.internal", "8080");
        assertThat(command.get(6)).startsWith("GET /a?b=$(reboot) HTTP/1.0\r\nHost: shop.internal\r\n");
    }

    @Test
    void nearMissDefaultPageFails() {
        String nginxDefault = "HTTP/1.1 200 OK\r\n\r\n<h1>Welcome to nginx!</h1>";
        CheckResult result = grader.grade(
                answering(nginxDefault, "1.00 1.01"),
                Map.of("url", "http://127.0.0.1/", "body", "Welcome to the shop"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("body does not match");
    }

    @Test
    void anAlternativeServerWithTheRightAnswerPasses() {
        String node = "HTTP/1.1 200 OK\nX-Powered-By: Express\nContent-Type: text/html; charset=utf-8\n\n"
                + "<html><body>Welcome to the shop</body></html>";
        CheckResult result = grader.grade(
                answering(node, "1.00 1.02"),
                Map.of("url", "http://127.0.0.1/", "status", 200, "body", "Welcome to the shop"));
        assertThat(result.verdict().status()).isEqualTo("pass");
    }

    @Test
    void refusedConnectionsStatusesAndSlowAnswers() {
        CheckResult refused = grader.grade(
                new FixtureLab()
                        .probe(c -> FixtureLab.exit(
                                1, "", "nc: can't connect to remote host: Connection refused\nuptime 1.00 1.00\n")),
                Map.of("url", "http://127.0.0.1:8080/"));
        assertThat(refused.verdict().status()).isEqualTo("fail");
        assertThat(refused.message()).contains("no HTTP answer from 127.0.0.1:8080");

        CheckResult notFound = grader.grade(
                answering("HTTP/1.1 404 Not Found\r\n\r\n", "1.00 1.00"),
                Map.of("url", "http://127.0.0.1/health", "status", 200));
        assertThat(notFound.message()).contains("status 404, expected 200");

        CheckResult slow =
                grader.grade(answering(SHOP, "10.00 12.50"), Map.of("url", "http://127.0.0.1/", "maxLatency", "500ms"));
        assertThat(slow.verdict().status()).isEqualTo("fail");
        assertThat(slow.message()).contains("2500 ms");
    }

    @Test
    void onlyPlainHttpUrlsAreAccepted() {
        assertThat(grader.parameters().check(Map.of("url", "https://127.0.0.1/")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("url", "http://127.0.0.1/a b")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("url", "http://127.0.0.1:9090/-/healthy")))
                .isEmpty();
    }
}
