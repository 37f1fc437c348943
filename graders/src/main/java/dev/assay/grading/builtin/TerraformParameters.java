package dev.assay.grading.builtin;

import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The terraform grader's parameters, and the checks on them made when the catalog loads. */
final class TerraformParameters {
    private static final Set<String> ROW_KEYS =
            Set.of("type", "attributes", "absent", "defaults", "references", "min", "every", "reason");

    static final ParameterSpec SPEC = ParameterSpec.builder()
            .required(
                    "path",
                    Type.STRING,
                    "the module directory (its top-level files, as Terraform reads them) or one" + " .tf file")
            .optional(
                    "resources",
                    Type.TABLE,
                    "rows of type, attributes (path: regex, whole value; a list matches by an element), absent"
                            + " (paths not set), defaults (path: the provider's default), references (a resource type),"
                            + " min, every (all instances as required)")
            .optional(
                    "forbidden",
                    Type.TABLE,
                    "rows of type, attributes, absent, defaults, reason: what no instance may be")
            .oneOf(
                    "noIngressFrom",
                    false,
                    Set.of("world", "public"),
                    "no security group ingress from 0.0.0.0/0 or ::/0 (world), or from outside private address space"
                            + " (public)")
            .optional("noIngressPorts", Type.STRING_LIST, "TCP ports no security group ingress may admit")
            .optional(
                    "reachablePorts",
                    Type.STRING_LIST,
                    "TCP ports some ingress admits from a security group, a prefix list or private addresses")
            .oneOf(
                    "bucketPolicy",
                    false,
                    Set.of("cloudfront-only"),
                    "every S3 bucket policy lets only CloudFront read, for a distribution of the module (AWS:SourceArn)")
            .optional("typedVariables", Type.BOOLEAN, "every variable declares a type")
            .optional("variables", Type.STRING_LIST, "variables that must be declared, with a type")
            .optional("noHardcodedSecrets", Type.BOOLEAN, "no key, password or token written into the code")
            .optional("tags", Type.STRING_LIST, "tag keys every resource of the taggable types carries")
            .optional("taggable", Type.STRING_LIST, "the resource types tags applies to (provider default_tags count)")
            .optional("partialCredit", Type.BOOLEAN, "false: the check fails unless every rule holds (default true)")
            .rule(TerraformParameters::problems)
            .build();

    private TerraformParameters() {}

    private static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        if (!String.valueOf(values.get("path")).startsWith("/")) {
            problems.add(new Problem("path", "must be an absolute path in the lab"));
        }
        if (values.keySet().stream()
                .noneMatch(k -> !List.of("path", "taggable", "partialCredit").contains(k))) {
            problems.add(new Problem("path", "name at least one rule to check, such as resources"));
        }
        if (values.containsKey("tags") != values.containsKey("taggable")) {
            problems.add(new Problem("taggable", "give tags and taggable together"));
        }
        for (String name : List.of("noIngressPorts", "reachablePorts")) {
            if (!(values.get(name) instanceof List<?> ports)) {
                continue;
            }
            ports.stream()
                    .filter(port ->
                            !String.valueOf(port).matches("\\d{1,5}") || Integer.parseInt(String.valueOf(port)) > 65535)
                    .forEach(port -> problems.add(new Problem(name, port + " is not a port (0-65535)")));
        }
        for (String table : List.of("resources", "forbidden")) {
            if (values.get(table) instanceof List<?> rows) {
                for (int i = 0; i < rows.size(); i++) {
                    problems.addAll(row(table + "[" + i + "]", rows.get(i)));
                }
            }
        }
        return problems;
    }

    private static List<Problem> row(String where, Object row) {
        if (!(row instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
            return List.of(new Problem(where, "needs a type, such as aws_s3_bucket"));
        }
        List<Problem> problems = new ArrayList<>();
        map.keySet().stream()
                .filter(key -> !ROW_KEYS.contains(String.valueOf(key)))
                .forEach(key -> problems.add(new Problem(
                        where,
                        "unknown key " + key + " (a row takes "
                                + String.join(", ", ROW_KEYS.stream().sorted().toList()) + ")")));
        Object attributes = map.get("attributes");
        if (attributes != null && !(attributes instanceof Map<?, ?>)) {
            problems.add(new Problem(where, "attributes must map paths to regular expressions"));
        } else if (attributes instanceof Map<?, ?> expected) {
            expected.forEach((path, regex) -> {
                try {
                    Pattern.compile(String.valueOf(regex));
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(where, path + ": not a regular expression: " + e.getDescription()));
                }
            });
        }
        if (map.get("absent") != null && !(map.get("absent") instanceof List<?>)) {
            problems.add(new Problem(where, "absent must list paths"));
        }
        if (map.get("defaults") != null && !(map.get("defaults") instanceof Map<?, ?>)) {
            problems.add(new Problem(where, "defaults must map paths to the provider's default values"));
        }
        if (map.get("every") != null && !(map.get("every") instanceof Boolean)) {
            problems.add(new Problem(where, "every must be true or false"));
        }
        if (map.get("min") != null && !(map.get("min") instanceof Number)) {
            problems.add(new Problem(where, "min must be a whole number"));
        }
        return problems;
    }
}
