package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import dev.assay.grading.hcl.HclException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Terraform module's {@code .tf} files through the archive API, parses them (HCL, never evaluated, no
 * Terraform run) and checks the rules a check asks for: resources with required attributes and references,
 * forbidden settings, typed variables, tags, and no hard-coded secrets. All rules held pass; some held earn
 * that share.
 */
public final class TerraformGrader extends BuiltinGrader {
    /** A module's files, summed; a directory holding more (provider plugins, say) is refused. */
    static final long MAX_BYTES = 8L << 20;

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("path", Type.STRING, "the module directory (its top-level .tf files) or one .tf file")
            .optional(
                    "resources",
                    Type.TABLE,
                    "rows of type, attributes (path: regex, whole value), references (a resource type), min")
            .optional("forbidden", Type.TABLE, "rows of type, attributes (path: regex), reason: settings none may have")
            .optional("typedVariables", Type.BOOLEAN, "every variable declares a type")
            .optional("variables", Type.STRING_LIST, "variables that must be declared, with a type")
            .optional("noHardcodedSecrets", Type.BOOLEAN, "no key, password or token written into the code")
            .optional("tags", Type.STRING_LIST, "tag keys every resource of the taggable types carries")
            .optional("taggable", Type.STRING_LIST, "the resource types tags applies to (provider default_tags count)")
            .rule(TerraformGrader::problems)
            .build();

    public TerraformGrader() {
        super(
                "terraform",
                "1",
                "rules on a Terraform module read as HCL: resources and attributes, forbidden settings, variables, tags,"
                        + " secrets",
                PARAMETERS);
    }

    private static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        if (!String.valueOf(values.get("path")).startsWith("/")) {
            problems.add(new Problem("path", "must be an absolute path in the lab"));
        }
        if (values.keySet().stream().noneMatch(k -> !k.equals("path") && !k.equals("taggable"))) {
            problems.add(new Problem("path", "name at least one rule to check, such as resources"));
        }
        if (values.containsKey("tags") != values.containsKey("taggable")) {
            problems.add(new Problem("taggable", "give tags and taggable together"));
        }
        for (String table : List.of("resources", "forbidden")) {
            if (values.get(table) instanceof List<?> rows) {
                for (int i = 0; i < rows.size(); i++) {
                    problems.addAll(rowProblems(table + "[" + i + "]", rows.get(i)));
                }
            }
        }
        return problems;
    }

    private static List<Problem> rowProblems(String where, Object row) {
        if (!(row instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
            return List.of(new Problem(where, "needs a type, such as aws_s3_bucket"));
        }
        Object attributes = map.get("attributes");
        if (attributes != null && !(attributes instanceof Map<?, ?>)) {
            return List.of(new Problem(where, "attributes must map paths to regular expressions"));
        }
        List<Problem> problems = new ArrayList<>();
        if (attributes instanceof Map<?, ?> expected) {
            expected.forEach((path, regex) -> {
                try {
                    Pattern.compile(String.valueOf(regex));
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(where, path + ": not a regular expression: " + e.getDescription()));
                }
            });
        }
        if (map.get("min") != null && !(map.get("min") instanceof Number)) {
            problems.add(new Problem(where, "min must be a whole number"));
        }
        return problems;
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "path", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("module", path);
        Map<String, String> files = files(lab, path, check);
        if (files == null) {
            return check.build();
        }
        check.observe(".tf files", String.join(", ", files.keySet()));
        TerraformModule module;
        try {
            module = TerraformModule.of(files);
        } catch (HclException e) {
            return check.expect(false, "the module does not parse: " + e.getMessage())
                    .build();
        }
        return Rules.verdict(check, new TerraformRules(module).apply(parameters));
    }

    /** The module's .tf files by name: one file, or a directory's top-level ones; null when there are none. */
    private static @Nullable Map<String, String> files(LabView lab, String path, CheckResult.Builder check) {
        Map<String, String> files = new TreeMap<>();
        if (path.endsWith(".tf")) {
            FileResult.Content content = Text.candidateFile(lab, path, check);
            if (content == null) {
                return null;
            }
            files.put(path.substring(path.lastIndexOf('/') + 1), content.text());
            return files;
        }
        FileResult tree = lab.readTree(path, MAX_BYTES);
        if (!(tree instanceof FileResult.Content content)) {
            check.expect(
                    false,
                    tree instanceof FileResult.Refused refused
                            ? "the module " + path + " was not read: " + refused.reason()
                            : "there is no directory " + path);
            return null;
        }
        check.evidence(new Evidence("terraform module (tar)", path, content.sha256(), content.size()));
        TarFiles.regularFiles(content.bytes()).forEach((name, bytes) -> {
            if (!name.contains("/") && name.endsWith(".tf")) {
                files.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        if (files.isEmpty()) {
            check.expect(false, "there are no .tf files in " + path);
            return null;
        }
        return files;
    }
}
