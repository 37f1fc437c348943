package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one file through the engine's archive API (never through the lab's own tools) and judges it. */
public final class FileGrader extends BuiltinGrader {
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

    public FileGrader() {
        super(
                "file",
                "1",
                "reads a regular file through the Docker archive API: existence, mode, owner, regex, YAML/JSON value",
                PARAMETERS);
    }

    /** Files larger than this are read up to it; patterns then see only what was read (the result says so). */
    static final long MAX_BYTES = 1 << 20;

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        boolean mustExist = Text.flag(parameters, "exists", true);
        CheckResult.Builder check = CheckResult.builder(true).observe("path", path);
        FileResult read = lab.readFile(path, MAX_BYTES);
        if (read instanceof FileResult.Content content) {
            return judge(check, path, mustExist, content, parameters);
        }
        if (read instanceof FileResult.Refused refused) {
            check.observe("exists", "yes, but not a regular file: " + refused.reason());
            return check.expect(false, path + " is not a regular file (" + refused.reason() + ")")
                    .build();
        }
        check.observe("exists", false);
        return check.expect(!mustExist, path + " does not exist").build();
    }

    private static CheckResult judge(
            CheckResult.Builder check,
            String path,
            boolean mustExist,
            FileResult.Content content,
            Map<String, Object> parameters) {
        String mode = String.format("%04o", content.mode() & 07777);
        check.observe("exists", true)
                .observe(
                        "size",
                        content.size() + (content.truncated() ? " bytes (read the first " + MAX_BYTES + ")" : " bytes"))
                .observe("mode", mode)
                .observe(
                        "owner",
                        content.owner().isEmpty()
                                ? Long.toString(content.uid())
                                : content.owner() + " (" + content.uid() + ")")
                .observe("sha256", content.sha256())
                .evidence(new Evidence("file", path, content.sha256(), content.size()))
                .output(content.text(), content.truncated());
        check.expect(mustExist, path + " exists and should not");
        if (parameters.get("mode") instanceof String expected) {
            int wanted = Integer.parseInt(expected, 8);
            check.expect(
                    (content.mode() & 07777) == wanted,
                    "mode is " + mode + ", expected " + String.format("%04o", wanted));
        }
        if (parameters.get("owner") instanceof String owner) {
            check.expect(
                    owner.equals(content.owner()) || owner.equals(Long.toString(content.uid())),
                    "owned by " + (content.owner().isEmpty() ? content.uid() : content.owner()) + ", expected "
                            + owner);
        }
        String text = content.text();
        if (parameters.get("contains") instanceof String regex) {
            check.expect(
                    Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find(),
                    "content does not match /" + regex + "/");
        }
        if (parameters.get("notContains") instanceof String regex) {
            check.expect(
                    !Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find(),
                    "content matches /" + regex + "/, which it must not");
        }
        boolean yaml = parameters.containsKey("yamlPath");
        if (yaml || parameters.containsKey("jsonPath")) {
            String pointer = Text.string(parameters, yaml ? "yamlPath" : "jsonPath", "");
            String expected = Text.string(parameters, "equals", "");
            Documents.expectAt(check, yaml ? Documents.yaml(text) : Documents.json(text), path, pointer, expected);
        }
        return check.build();
    }
}
