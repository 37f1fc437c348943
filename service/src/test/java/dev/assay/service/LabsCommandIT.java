package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code labs} command, as {@code ./assay labs ...} runs it. */
@DisplayName("labs validate | list | coverage | compose")
class LabsCommandIT {
    private final Path jar =
            Path.of(System.getProperty("assay.jar", "target/assay-service.jar")).toAbsolutePath();

    private record Run(int exit, String output) {}

    private Run labs(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "labs"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void theRepositoryContentValidates() throws Exception {
        Run run = labs("validate", "../labs");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("0 lab(s) broken, 0 problem(s)");
        String list = labs("list", "../labs").output();
        assertThat(list).contains("linux-web-outage", "role devops-engineer", "variants");
        assertThat(list.lines().filter(line -> line.startsWith("linux-web-outage ")))
                .as("a lab with three parameters shows 3 variants; one without, -")
                .singleElement()
                .asString()
                .matches(".*\\s3\\s+The shop's web server is down");
        assertThat(list.lines().filter(line -> line.startsWith("git-merge-conflict ")))
                .singleElement()
                .asString()
                .matches(".*\\s-\\s+\\S.*");
        assertThat(labs("coverage", "../labs").output())
                .contains("DevOps Engineer (devops-engineer)", "linux", "must-have");
    }

    @Test
    void aBrokenLabFailsTheCommandAndSaysWhere(@TempDir Path dir) throws Exception {
        Path lab = Files.createDirectories(dir.resolve("oops"));
        Files.writeString(lab.resolve("lab.yaml"), "id: oops\ntitel: x\n");
        Run run = labs("validate", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output())
                .contains(dir.resolve("oops/lab.yaml") + ":2:1: titel: unknown key (fix: did you mean 'title'?")
                .contains("1 lab(s) broken");
    }

    @Test
    @DisplayName("compose prints one seed's labs, minutes, budget and evidence per skill, the same for the same seed")
    void composeOneSeed() throws Exception {
        Run run = labs("compose", "devops-engineer", "technical", "--seed", "42", "../labs");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("devops-engineer / technical, seed 42:", "of a 90m budget")
                .contains("(from the pool)")
                .doesNotContain("every candidate")
                .containsPattern("(?m)^  aws +measured +\\d+ +\\d+% .*decided$")
                .containsPattern("(?m)^  iac +measured +\\d+ +\\d+% .*decided$")
                .doesNotContain("SHORT", "misses:");
        assertThat(labs("compose", "devops-engineer", "technical", "--seed", "42", "../labs")
                        .output())
                .isEqualTo(run.output());
    }

    @Test
    @DisplayName("compose over many seeds: every composition meets the blueprint and budget; spread and exposure")
    void composeManySeeds() throws Exception {
        for (String stage : List.of("screening", "technical", "system-design")) {
            Run run = labs("compose", "devops-engineer", stage, "--seeds", "500", "../labs");
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("meet the blueprint and budget: 500/500 (100%)")
                    .containsPattern("time: min \\d+m, median \\d+m, max \\d+m \\(budget \\d+m\\)")
                    .contains(
                            "exposure (share of these compositions, and expected", "least evidence per measured skill");
        }
    }

    @Test
    @DisplayName("compose refuses an interview stage and an unknown stage, saying what there is")
    void composeRefusesWhatItCannotCompose() throws Exception {
        Run interview = labs("compose", "devops-engineer", "star", "../labs");
        assertThat(interview.exit()).isEqualTo(1);
        assertThat(interview.output()).contains("stage star is an interview", "only labs stages are composed");
        Run unknown = labs("compose", "devops-engineer", "onsite", "../labs");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.output()).contains("role devops-engineer has no stage 'onsite'", "technical");
    }
}
