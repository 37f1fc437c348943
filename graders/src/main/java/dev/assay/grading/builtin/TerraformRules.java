package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Hcl;
import dev.assay.grading.hcl.Hcl.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The terraform grader's rules on a parsed module: each gives "" when it holds, else what is wrong. */
final class TerraformRules {
    /** Attribute names that hold credentials; a literal string there is a hard-coded secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(^|_)(password|passwd|secret|token|access_key|secret_key|private_key|api_key|client_secret)($|_)");
    /** Credentials recognisable by their shape wherever they are written. */
    private static final Pattern SECRET_SHAPE =
            Pattern.compile("(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{36}");

    private final TerraformModule module;

    TerraformRules(TerraformModule module) {
        this.module = module;
    }

    /** Rule name to "" (holds) or what is wrong, for every rule the parameters ask for, in their order. */
    Map<String, String> apply(Map<String, Object> parameters) {
        Map<String, String> results = new LinkedHashMap<>();
        rows(parameters.get("resources"))
                .forEach(row -> results.put(uniqueName(results, "resource " + row.get("type")), resource(row)));
        rows(parameters.get("forbidden"))
                .forEach(row -> results.put(uniqueName(results, "forbidden " + row.get("type")), forbidden(row)));
        if (Text.flag(parameters, "typedVariables", false)) {
            results.put("typedVariables", typedVariables());
        }
        if (parameters.get("variables") instanceof List<?> names) {
            results.put("variables", variables(names));
        }
        if (Text.flag(parameters, "noHardcodedSecrets", false)) {
            results.put("noHardcodedSecrets", noHardcodedSecrets());
        }
        if (parameters.get("tags") instanceof List<?> keys && parameters.get("taggable") instanceof List<?> types) {
            results.put("tags", tags(strings(keys), strings(types)));
        }
        return results;
    }

    private static String uniqueName(Map<String, String> results, String name) {
        String unique = name;
        for (int i = 2; results.containsKey(unique); i++) {
            unique = name + " (" + i + ")";
        }
        return unique;
    }

    private static List<Map<?, ?>> rows(@org.jspecify.annotations.Nullable Object table) {
        List<Map<?, ?>> rows = new ArrayList<>();
        if (table instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(row -> rows.add((Map<?, ?>) row));
        }
        return rows;
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static Map<String, Pattern> expected(Map<?, ?> row) {
        Map<String, Pattern> expected = new LinkedHashMap<>();
        if (row.get("attributes") instanceof Map<?, ?> attributes) {
            attributes.forEach(
                    (path, regex) -> expected.put(String.valueOf(path), Pattern.compile(String.valueOf(regex))));
        }
        return expected;
    }

    /** The attributes of {@code expected} a resource does not satisfy (a value at the path matching wholly). */
    private static List<String> unmet(Block resource, Map<String, Pattern> expected) {
        List<String> unmet = new ArrayList<>();
        expected.forEach((path, regex) -> {
            List<String> values = TerraformModule.values(resource.body(), List.of(path.split("\\.")));
            if (values.stream().noneMatch(value -> regex.matcher(value).matches())) {
                unmet.add(path + (values.isEmpty() ? " is not set" : " is " + Text.excerpt(values.get(0))));
            }
        });
        return unmet;
    }

    private String resource(Map<?, ?> row) {
        String type = String.valueOf(row.get("type"));
        int min = row.get("min") instanceof Number n ? n.intValue() : 1;
        String references = row.get("references") == null ? "" : String.valueOf(row.get("references"));
        Map<String, Pattern> expected = expected(row);
        List<Block> resources = module.resources(type);
        List<String> why = new ArrayList<>();
        int good = 0;
        for (Block resource : resources) {
            List<String> unmet = unmet(resource, expected);
            if (!references.isEmpty() && !TerraformModule.references(resource, references)) {
                unmet.add("it does not refer to any " + references);
            }
            if (unmet.isEmpty()) {
                good++;
            } else {
                why.add(TerraformModule.address(resource) + ": " + String.join("; ", unmet));
            }
        }
        if (good >= min) {
            return "";
        }
        if (resources.isEmpty()) {
            return "no " + type + " resource is declared";
        }
        return (min == 1 ? "no " + type + " is as required" : good + " of the " + min + " " + type + " needed") + " ("
                + String.join(" | ", why) + ")";
    }

    private String forbidden(Map<?, ?> row) {
        String type = String.valueOf(row.get("type"));
        String reason = row.get("reason") == null ? "forbidden" : String.valueOf(row.get("reason"));
        Map<String, Pattern> expected = expected(row);
        List<String> offenders = module.resources(type).stream()
                .filter(resource -> unmet(resource, expected).isEmpty())
                .map(resource ->
                        TerraformModule.address(resource) + " (" + resource.file() + ":" + resource.line() + ")")
                .toList();
        return offenders.isEmpty() ? "" : reason + ": " + String.join(", ", offenders);
    }

    private String typedVariables() {
        List<String> untyped = module.all("variable").stream()
                .filter(variable -> variable.body().attribute("type").isEmpty())
                .map(variable -> variable.label(0))
                .toList();
        return untyped.isEmpty() ? "" : "variables without a type: " + String.join(", ", untyped);
    }

    private String variables(List<?> names) {
        List<String> missing = new ArrayList<>();
        for (String name : strings(names)) {
            boolean typed = module.all("variable").stream()
                    .anyMatch(v -> v.label(0).equals(name)
                            && v.body().attribute("type").isPresent());
            if (!typed) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? "" : "variables not declared with a type: " + String.join(", ", missing);
    }

    /** Where secrets are written into the code: file:line and the attribute, never the value. */
    private String noHardcodedSecrets() {
        Set<String> found = new LinkedHashSet<>();
        for (Block block : module.blocks()) {
            for (Hcl.Attribute attribute : TerraformModule.attributes(block.body())) {
                String where = attribute.file() + ":" + attribute.line() + " " + attribute.name();
                boolean literal = attribute.value() instanceof dev.assay.grading.hcl.Expression.Template l
                        && !l.literal().orElse("").isBlank();
                boolean namedSecret = SECRET_NAME.matcher(attribute.name()).find()
                        || (block.type().equals("variable")
                                && attribute.name().equals("default")
                                && SECRET_NAME.matcher(block.label(0)).find());
                if ((literal && namedSecret)
                        || SECRET_SHAPE.matcher(attribute.value().text()).find()) {
                    found.add(where);
                }
            }
        }
        return found.isEmpty() ? "" : "secrets written into the code at " + String.join(", ", found);
    }

    private String tags(List<String> keys, List<String> taggable) {
        Set<String> byDefault = new LinkedHashSet<>();
        for (Block provider : module.all("provider")) {
            for (Block defaults : provider.body().blocks("default_tags")) {
                defaults.body().attribute("tags").ifPresent(tags -> byDefault.addAll(module.tagKeys(tags.value())));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String type : taggable) {
            for (Block resource : module.resources(type)) {
                Set<String> own = resource.body()
                        .attribute("tags")
                        .map(tags -> module.tagKeys(tags.value()))
                        .orElse(Set.of());
                List<String> lacking = keys.stream()
                        .filter(key -> !byDefault.contains(key) && !own.contains(key))
                        .toList();
                if (!lacking.isEmpty()) {
                    missing.add(TerraformModule.address(resource) + " lacks " + String.join(", ", lacking));
                }
            }
        }
        return missing.isEmpty() ? "" : "tags missing: " + String.join("; ", missing);
    }
}
