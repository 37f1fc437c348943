package dev.assay.service.labs;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The lab content as the self-test sees it. */
final class SelfTestLabs {
    private SelfTestLabs() {}

    /**
     * The lab folder as the self-test sees it: every lab linked in, and a role ({@code roleId}) with the
     * DevOps role's skills whose stages hold every lab of their kind, so that any lab can be started.
     */
    static Path everyLabInItsStage(Path labs, String roleId) {
        try {
            Path root = Files.createTempDirectory("assay-selftest");
            try (Stream<Path> entries = Files.list(labs)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.equals("roles") && Files.isDirectory(entry)) {
                        Files.createSymbolicLink(root.resolve(name), entry.toAbsolutePath());
                    }
                }
            }
            Map<String, Object> role = new org.yaml.snakeyaml.Yaml()
                    .load(Files.readString(labs.resolve("roles").resolve("devops-engineer.yaml")));
            LabCatalog plain = LabCatalog.load(labs, GraderRegistry.discover());
            role.put("id", roleId);
            List<Map<String, Object>> stages = new ArrayList<>();
            for (String stage : Lab.STAGES) {
                stages.add(Map.of(
                        "id", stage,
                        "title", stage,
                        "kind", stage,
                        "labs",
                                plain.labs().stream()
                                        .filter(l -> l.stage().equals(stage))
                                        .map(Lab::id)
                                        .sorted()
                                        .toList()));
            }
            role.put("stages", stages);
            Files.createDirectories(root.resolve("roles"));
            Files.writeString(
                    root.resolve("roles").resolve(roleId + ".yaml"), new org.yaml.snakeyaml.Yaml().dump(role));
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lab's correct alternatives: {@code solution/alternative-*.sh}. */
    static List<Path> alternatives(Lab lab) {
        Path folder = lab.solution().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("alternative-.*\\.sh"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
