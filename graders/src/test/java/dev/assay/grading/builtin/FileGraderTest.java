package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileGraderTest {
    private final FileGrader grader = new FileGrader();
    private static final String SITE = "server {\n    listen 80;\n    root /srv/shop;\n}\n";

    private CheckResult grade(FixtureLab lab, Map<String, Object> parameters) {
        return grader.grade(lab, parameters);
    }

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("path", "/etc/nginx/sites-enabled/shop", "contains", "listen\\s+80"));
    }

    @Test
    void matchesContentAndRecordsTheFileAsTrustedEvidence() {
        CheckResult result = grade(
                new FixtureLab().file("/etc/nginx/sites-enabled/shop", SITE),
                Map.of("path", "/etc/nginx/sites-enabled/shop", "contains", "listen\\s+80\\s*;"));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.ref()).isEqualTo("/etc/nginx/sites-enabled/shop");
            assertThat(e.sha256()).hasSize(64);
        });
    }

    @Test
    void correctAlternativeLayoutPassesAndNearMissFails() {
        Map<String, Object> parameters = Map.of("path", "/site", "contains", "listen\\s+80\\s*;");
        assertThat(grade(new FixtureLab().file("/site", "server { listen\t80 ; }"), parameters)
                        .verdict()
                        .status())
                .isEqualTo("pass");
        CheckResult nearMiss = grade(new FixtureLab().file("/site", "server { listen 8080; }"), parameters);
        assertThat(nearMiss.verdict().status()).isEqualTo("fail");
        assertThat(nearMiss.message()).contains("does not match");
    }

    @Test
    void modeAndOwnerByNameOrUid() {
        FixtureLab lab =
                new FixtureLab().file("/etc/sudoers.d/deploy", "deploy ALL=(root) /bin/systemctl", 0440, 0, "root");
        assertThat(grade(lab, Map.of("path", "/etc/sudoers.d/deploy", "mode", "0440", "owner", "root"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(lab, Map.of("path", "/etc/sudoers.d/deploy", "owner", "0"))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        CheckResult loose = grade(
                new FixtureLab().file("/etc/sudoers.d/deploy", "x", 0644, 0, "root"),
                Map.of("path", "/etc/sudoers.d/deploy", "mode", "440"));
        assertThat(loose.message()).contains("mode is 0644, expected 0440");
    }

    @Test
    void yamlValuesWhateverTheFormatting() {
        Map<String, Object> parameters = Map.of("path", "/app.yaml", "yamlPath", "/spec/replicas", "equals", "3");
        assertThat(grade(new FixtureLab().file("/app.yaml", "spec:\n  replicas: 3\n"), parameters)
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(new FixtureLab().file("/app.yaml", "{spec: {replicas: 3}}"), parameters)
                        .verdict()
                        .status())
                .isEqualTo("pass");
        assertThat(grade(new FixtureLab().file("/app.yaml", "spec:\n  replicas: 2\n"), parameters)
                        .verdict()
                        .status())
                .isEqualTo("fail");
    }

    @Test
    void hostileYamlFailsFastInsteadOfExhaustingMemory() {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous);
            bomb.append(",*").append(previous).append(",*").append(previous).append("]\n");
        }
        CheckResult result = grade(
                new FixtureLab().file("/bomb.yaml", bomb.toString()),
                Map.of("path", "/bomb.yaml", "yamlPath", "/k/0", "equals", "x"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("not valid YAML").contains("aliases");
    }

    @Test
    void yamlAnchorsResolveAsYamlSays() {
        String workflow = "defaults: &node\n  image: node:20\njobs:\n  test:\n    <<: *node\n    steps: [npm test]\n";
        CheckResult result = grade(
                new FixtureLab().file("/ci.yaml", workflow),
                Map.of("path", "/ci.yaml", "yamlPath", "/jobs/test/image", "equals", "node:20"));
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("pass");
    }

    @Test
    void missingLinkedAndForbiddenFiles() {
        assertThat(grade(new FixtureLab(), Map.of("path", "/nope")).message()).contains("does not exist");
        assertThat(grade(new FixtureLab(), Map.of("path", "/nope", "exists", false))
                        .verdict()
                        .status())
                .isEqualTo("pass");
        CheckResult link = grade(
                new FixtureLab().refused("/etc/shadow-link", "a symbolic link"), Map.of("path", "/etc/shadow-link"));
        assertThat(link.verdict().status()).isEqualTo("fail");
        assertThat(link.message()).contains("not a regular file");
        CheckResult leaked = grade(
                new FixtureLab().file("/repo/.env", "AWS_SECRET_ACCESS_KEY=abc"),
                Map.of("path", "/repo/.env", "notContains", "AWS_SECRET_ACCESS_KEY"));
        assertThat(leaked.verdict().status()).isEqualTo("fail");
    }
}
