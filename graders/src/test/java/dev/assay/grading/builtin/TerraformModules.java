package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Small modules for the terraform grader's tests: files by name, graded in /root/infra. */
final class TerraformModules {
    private final Path dir;

    TerraformModules(Path dir) {
        this.dir = dir;
    }

    /** Grades a module made of name, content pairs with the given rules (path is added). */
    CheckResult grade(Map<String, Object> rules, String... files) {
        try {
            Path module = Files.createTempDirectory(dir, "module");
            for (int i = 0; i < files.length; i += 2) {
                Path file = module.resolve(files[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, files[i + 1]);
            }
            Map<String, Object> parameters = new HashMap<>(rules);
            parameters.put("path", "/root/infra");
            return new TerraformGrader().grade(new FixtureLab().tree("/root/infra", module), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
