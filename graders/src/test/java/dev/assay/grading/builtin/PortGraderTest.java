package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortGraderTest {
    private final PortGrader grader = new PortGrader();

    private CheckResult grade(String table, Map<String, Object> parameters) {
        return grader.grade(new FixtureLab().probe(c -> FixtureLab.ok(table)), parameters);
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("port", 80, "executable", "/usr/sbin/nginx"));
    }

    @Test
    void findsTheListenerAndItsExecutable() {
        CheckResult result = grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 80, "executable", "/usr/sbin/nginx"));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(result.observations()).anySatisfy(o -> assertThat(o.value()).contains("0.0.0.0 held by"));
    }

    @Test
    void nearMissAnotherProgramOnThePortFails() {
        CheckResult result =
                grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 8080, "executable", "/usr/sbin/nginx"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("not held by /usr/sbin/nginx");
    }

    @Test
    void addressesIncludingIpv6() {
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 8080, "address", "127.0.0.1"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 80, "address", "::"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 8080, "address", "0.0.0.0"))
                        .message())
                .contains("no listener on 0.0.0.0:8080");
        assertThat(ProcTable.address("00000000000000000000000001000000")).isEqualTo("::1");
    }

    @Test
    void establishedConnectionsAreNotListenersAndUdpIsSeparate() {
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 40960))
                        .verdict()
                        .status())
                .isEqualTo("fail");
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 5353))
                        .verdict()
                        .status())
                .isEqualTo("fail");
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 5353, "protocol", "udp"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
    }

    @Test
    void mustNotListen() {
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 8080, "listening", false))
                        .message())
                .contains("something listens on tcp/8080");
        assertThat(grade(ProcTableFixtures.NGINX_ON_80, Map.of("port", 9090, "listening", false))
                        .verdict()
                        .status())
                .isEqualTo("pass");
    }
}
