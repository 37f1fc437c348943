package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.GraderContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandGraderTest {
    private final CommandGrader grader = new CommandGrader();

    @Test
    void keepsTheContract() {
        GraderContract.verify(grader, Map.of("run", "nginx -t"));
    }

    @Test
    void passesOnTheExpectedExitCodeAndIsAdvisoryInTheLab() {
        FixtureLab lab = new FixtureLab().lab(c -> FixtureLab.exit(0, "", "syntax is ok"));
        CheckResult result = grader.grade(lab, Map.of("run", "nginx -t", "stderr", "syntax is ok"));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isFalse();
        assertThat(lab.labCommands()).containsExactly(List.of("/bin/sh", "-c", "nginx -t"));
    }

    @Test
    void nearMissExitCodeFails() {
        FixtureLab lab = new FixtureLab().lab(c -> FixtureLab.exit(1, "", "emerg: unexpected }"));
        CheckResult result = grader.grade(lab, Map.of("run", "nginx -t"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("exited 1, expected 0");
        assertThat(result.observations()).anySatisfy(o -> assertThat(o.value()).contains("unexpected }"));
    }

    @Test
    void aProbeCommandIsTrusted() {
        FixtureLab lab = new FixtureLab().probe(c -> FixtureLab.ok("LISTEN 0.0.0.0:80"));
        CheckResult result = grader.grade(lab, Map.of("run", "netstat -ltn", "where", "probe", "stdout", ":80\\b"));
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(result.trusted()).isTrue();
        assertThat(lab.labCommands()).isEmpty();
    }

    @Test
    void jsonPointerAcceptsAnyLayoutOfTheSameValue() {
        String compact = "{\"status\":{\"phase\":\"Running\"}}";
        String pretty = "{\n  \"other\": 1,\n  \"status\": {\n    \"phase\": \"Running\"\n  }\n}\n";
        Map<String, Object> parameters = Map.of("run", "status", "jsonPath", "/status/phase", "equals", "Running");
        for (String answer : List.of(compact, pretty)) {
            assertThat(grader.grade(new FixtureLab().lab(c -> FixtureLab.ok(answer)), parameters)
                            .verdict()
                            .status())
                    .isEqualTo("pass");
        }
        CheckResult pending = grader.grade(
                new FixtureLab().lab(c -> FixtureLab.ok("{\"status\":{\"phase\":\"Pending\"}}")), parameters);
        assertThat(pending.message()).contains("'Pending', expected 'Running'");
        CheckResult garbage = grader.grade(new FixtureLab().lab(c -> FixtureLab.ok("not json")), parameters);
        assertThat(garbage.verdict().status()).isEqualTo("fail");
        assertThat(garbage.message()).contains("not valid JSON");
    }

    @Test
    void aCommandThatNeverEndsFailsAndSaysSo() {
        FixtureLab lab = new FixtureLab().lab(c -> new CommandResult(-1, "", "", false, true, Duration.ofSeconds(10)));
        CheckResult result = grader.grade(lab, Map.of("run", "sleep infinity"));
        assertThat(result.verdict().status()).isEqualTo("fail");
        assertThat(result.message()).contains("did not finish");
    }

    @Test
    void runsAsAnotherUserThroughSu() {
        FixtureLab lab = new FixtureLab();
        grader.grade(lab, Map.of("run", "id -u", "user", "www-data"));
        assertThat(lab.labCommands()).containsExactly(List.of("su", "-s", "/bin/sh", "-c", "id -u", "www-data"));
        assertThat(grader.parameters().check(Map.of("run", "x", "user", "root; rm -rf /")))
                .isNotEmpty();
        assertThat(grader.parameters().check(Map.of("run", "x", "user", "bob", "where", "probe")))
                .isNotEmpty();
    }

    @Test
    void inASandboxTheLabsFilesAreCopiedInAtTheirPathsAndTheResultIsTrusted() {
        FixtureLab lab =
                new FixtureLab().file("/var/www/shop", "not a directory here").sandbox(files -> FixtureLab.ok("ok"));
        CheckResult result = new CommandGrader()
                .grade(lab, Map.of("run", "nginx -t", "where", "sandbox", "files", List.of("/var/www/shop", "/etc/x")));
        assertThat(result.trusted()).isTrue();
        assertThat(result.verdict().status()).isEqualTo("pass");
        assertThat(lab.sandboxFiles())
                .singleElement()
                .satisfies(files -> assertThat(files).containsOnlyKeys("copy-0"));
        assertThat(result.observations())
                .anySatisfy(o -> assertThat(o.value()).startsWith("/var/www/shop ("))
                .anySatisfy(o -> assertThat(o.value()).isEqualTo("/etc/x: absent in the lab"));
    }

    @Test
    void sandboxFilesMustBePlainAbsolutePathsAndOnlyWithASandbox() {
        assertThat(new CommandGrader()
                        .parameters()
                        .check(Map.of("run", "true", "where", "sandbox", "files", List.of("/etc/$(id)"))))
                .isNotEmpty();
        assertThat(new CommandGrader().parameters().check(Map.of("run", "true", "files", List.of("/etc/nginx"))))
                .isNotEmpty();
        assertThat(new CommandGrader()
                        .parameters()
                        .check(Map.of("run", "true", "where", "sandbox", "files", List.of("/etc/nginx"))))
                .isEmpty();
    }

    @Test
    void directoriesKeepTheLabsOwnersOnlyWhenTheCheckAsks() throws Exception {
        java.nio.file.Path cron = java.nio.file.Files.createTempDirectory("cron");
        java.nio.file.Files.writeString(cron.resolve("job"), "15 2 * * * nobody true\n");
        for (boolean owners : List.of(false, true)) {
            FixtureLab lab = new FixtureLab().tree("/etc/cron.d", cron).sandbox(files -> FixtureLab.ok("ok"));
            Map<String, Object> check = owners
                    ? Map.of("run", "cron", "where", "sandbox", "files", List.of("/etc/cron.d"), "owners", true)
                    : Map.of("run", "cron", "where", "sandbox", "files", List.of("/etc/cron.d"));
            new CommandGrader().grade(lab, check);
            assertThat(lab.sandboxCommands())
                    .singleElement()
                    .satisfies(command -> assertThat(command.get(2))
                            .contains(owners ? "tar --same-owner --numeric-owner -xf" : "tar --no-same-owner -xf"));
        }
        assertThat(new CommandGrader().parameters().check(Map.of("run", "true", "owners", true)))
                .isNotEmpty();
    }
}
