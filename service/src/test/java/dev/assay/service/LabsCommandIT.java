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
@DisplayName("labs validate | list | coverage")
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
        assertThat(labs("list", "../labs").output()).contains("linux-web-outage", "role devops-engineer");
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
}
