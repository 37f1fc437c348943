package dev.assay.grading.builtin;

import dev.assay.grading.GraderFactory;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;

/** Reads one file through the engine's archive API (never through the lab's own tools) and judges it. */
public final class FileGraderFactory implements GraderFactory {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("path", Type.STRING, "the absolute path of the file in the lab")
            .optional("exists", Type.BOOLEAN, "whether the file must exist (default true)")
            .optional("mode", Type.STRING, "the permission bits expected, in octal, such as 0644")
            .optional("owner", Type.STRING, "the owner expected, as a user name or uid")
            .optional("contains", Type.REGEX, "a regular expression the content must match")
            .optional("notContains", Type.REGEX, "a regular expression the content must not match")
            .optional("yamlPath", Type.STRING, "a JSON pointer into the file read as YAML, such as /spec/replicas")
            .optional("jsonPath", Type.STRING, "a JSON pointer into the file read as JSON")
            .optional("equals", Type.STRING, "the value expected at yamlPath or jsonPath")
            .rule(values -> {
                String path = String.valueOf(values.get("path"));
                if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
                    return List.of(new ParameterSpec.Problem("path", "must be absolute and must not climb with .."));
                }
                Object mode = values.get("mode");
                if (mode instanceof String octal && !octal.matches("0?[0-7]{3,4}")) {
                    return List.of(new ParameterSpec.Problem("mode", "must be octal permission bits such as 0644"));
                }
                boolean pointer = values.containsKey("yamlPath") || values.containsKey("jsonPath");
                if (pointer != values.containsKey("equals")
                        || (values.containsKey("yamlPath") && values.containsKey("jsonPath"))) {
                    return List.of(new ParameterSpec.Problem(
                            "equals", "give equals with exactly one of yamlPath or jsonPath"));
                }
                return List.of();
            })
            .build();

    @Override
    public String id() {
        return "file";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String description() {
        return "reads a regular file through the Docker archive API: existence, mode, owner, regex, YAML/JSON value";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }
}
