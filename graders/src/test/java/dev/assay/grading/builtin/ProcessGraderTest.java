package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessGraderTest {
    private final ProcessGrader grader = new ProcessGrader();

    private CheckResult grade(Map<String, Object> parameters) {
        return grader.grade(new FixtureLab().probe(c -> FixtureLab.ok(ProcTableFixtures.NGINX_ON_80)), parameters);
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("executable", "/usr/sbin/nginx"));
    }

    @Test
    void findsProcessesByExecutableAndCountsThem() {
        assertThat(grade(Map.of("executable", "/usr/sbin/nginx", "minCount", 2))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(Map.of("executable", "/usr/sbin/nginx", "minCount", 3)).message())
                .contains("2 processes of /usr/sbin/nginx, expected at least 3");
    }

    @Test
    void nearMissSameNameOtherPathFails() {
        assertThat(grade(Map.of("executable", "/usr/local/sbin/nginx")).message())
                .contains("does not run");
    }

    @Test
    void aWorkerUserIsFoundByUid() {
        assertThat(grade(Map.of("executable", "/usr/sbin/nginx", "user", "33"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(Map.of("executable", "/usr/bin/python3.11", "user", "33"))
                        .verdict()
                        .status())
                .isEqualTo("fail");
    }

    @Test
    void aDeletedBinaryIsStillItsPathButNotTheImagesProgramAndMustNotRunWorks() {
        assertThat(grade(Map.of("executable", "/tmp/evil")).message())
                .contains("runs a file since deleted or replaced");
        assertThat(grade(Map.of("executable", "/tmp/evil", "running", false)).message())
                .contains("/tmp/evil runs");
        assertThat(grade(Map.of("executable", "/usr/bin/stress", "running", false))
                        .verdict()
                        .status())
                .isEqualTo("pass");
    }

    @Test
    void namesAreRefusedAsParameters() {
        assertThat(grader.parameters().check(Map.of("executable", "nginx"))).isNotEmpty();
        assertThat(grader.parameters().check(Map.of("executable", "/usr/sbin/nginx", "user", "www-data")))
                .isNotEmpty();
    }
}
