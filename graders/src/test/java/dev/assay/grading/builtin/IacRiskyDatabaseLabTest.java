package dev.assay.grading.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The iac-risky-database lab's own check on its own reference module, read from the lab's folder: the grader and
 * the lab's parameters together must fail what the lab forbids.
 */
class IacRiskyDatabaseLabTest {
    private static final Path LAB = Path.of("..", "labs", "iac-risky-database");
    private static final Pattern HEREDOC =
            Pattern.compile("cat > /root/review/(\\S+) <<'TF'\\n(.*?)\\nTF\\n", Pattern.DOTALL);
    private static final String GROUP_END = "  vpc_id = var.vpc_id\n}";
    private static final String WORLD_SSH = """
              vpc_id = var.vpc_id

              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }""";

    @TempDir
    Path dir;

    @Test
    @DisplayName("an inline ingress open to 0.0.0.0/0 on port 22 fails nothing-open-to-the-world")
    void inlineIngressOpenToTheWorldOnSshFails() throws IOException {
        Map<String, Object> check = check("nothing-open-to-the-world");
        Map<String, String> solution = solution();
        assertThat(grade(check, solution).verdict().status())
                .as("the reference solution")
                .isEqualTo("pass");

        Map<String, String> nearMiss = new LinkedHashMap<>(solution);
        String main = Objects.requireNonNull(solution.get("main.tf"), "main.tf");
        assertThat(main).contains(GROUP_END);
        nearMiss.put("main.tf", main.replace(GROUP_END, WORLD_SSH));
        CheckResult result = grade(check, nearMiss);
        assertThat(result.verdict().status()).as(result.message()).isEqualTo("fail");
        assertThat(result.message()).contains("aws_security_group.db", "admits 0.0.0.0/0", "admits port 22");
    }

    private CheckResult grade(Map<String, Object> parameters, Map<String, String> files) {
        String[] pairs = files.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return new TerraformModules(dir).grade(parameters, pairs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(String id) throws IOException {
        Map<String, Object> lab = new Yaml().load(Files.readString(LAB.resolve("lab.yaml")));
        return ((List<Map<String, Object>>) Objects.requireNonNull(lab.get("checks"), "checks"))
                .stream()
                        .filter(c -> id.equals(c.get("id")))
                        .map(c -> (Map<String, Object>) c.get("with"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("lab.yaml has no check " + id));
    }

    /** The files the lab's reference solution writes, from its here-documents. */
    private static Map<String, String> solution() throws IOException {
        Matcher files = HEREDOC.matcher(Files.readString(LAB.resolve("solution/solve.sh")));
        Map<String, String> module = new LinkedHashMap<>();
        while (files.find()) {
            module.put(files.group(1), files.group(2) + "\n");
        }
        assertThat(module).containsKey("main.tf");
        return module;
    }
}
