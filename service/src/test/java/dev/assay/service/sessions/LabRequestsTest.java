package dev.assay.service.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.environment.EnvironmentRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabRequestsTest {
    private static final String LAB = "k8s-deploy-app";

    /** A copy of the Kubernetes lab whose object file names a parameter, and keeps a Go template. */
    private static Lab variantLab(Path dir) throws Exception {
        copy(Path.of("../labs/roles"), dir.resolve("roles"));
        Path target = dir.resolve(LAB);
        copy(Path.of("../labs", LAB), target);
        Path objects = target.resolve("k8s/flow-audit.yaml");
        Files.writeString(
                objects,
                Files.readString(objects).replace("name: flow-audit-server", "name: flow-audit-{{suffix}}")
                        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: note}\n"
                        + "data: {note: \"{{ $labels.job }} {{ end }}\"}\n");
        Path yaml = target.resolve("lab.yaml");
        Files.writeString(
                yaml, Files.readString(yaml) + "\nparameters:\n  suffix: {word: [red, blue], default: red}\n");
        LabCatalog catalog = LabCatalog.load(dir, GraderRegistry.discover());
        assertThat(catalog.problems())
                .as("the role names labs not copied; the lab itself is sound")
                .allSatisfy(problem -> assertThat(problem.toString()).doesNotContain("/" + LAB + "/"));
        return catalog.lab(LAB).orElseThrow();
    }

    private static void copy(Path source, Path target) throws Exception {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    @Test
    @DisplayName("a lab's Kubernetes objects get the session's values; a {{...}} naming no parameter stays")
    void objectsGetTheValues(@TempDir Path dir) throws Exception {
        Lab lab = variantLab(dir);
        EnvironmentRequest request =
                LabRequests.of(lab, "s-1", Instant.parse("2026-12-06T12:00:00Z"), Map.of("suffix", "blue"));
        String objects = String.join("\n", request.kubernetes().objects());
        assertThat(objects)
                .contains("name: flow-audit-blue", "{{ $labels.job }} {{ end }}")
                .doesNotContain("{{suffix}}");
        assertThat(String.join(
                        "\n",
                        LabRequests.of(lab, "s-2", Instant.parse("2026-12-06T12:00:00Z"))
                                .kubernetes()
                                .objects()))
                .as("no values given: the defaults")
                .contains("name: flow-audit-red");
    }
}
