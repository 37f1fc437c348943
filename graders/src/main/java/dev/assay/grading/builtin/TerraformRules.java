package dev.assay.grading.builtin;

import dev.assay.grading.terraform.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terraform grader's rules on a module as Terraform would plan it: each gives "" when it holds, else what is
 * wrong. A module Terraform would refuse to load breaks every rule, with why.
 */
final class TerraformRules {
    private final Module module;
    private final TerraformRows rows;

    TerraformRules(Module module) {
        this.module = module;
        this.rows = new TerraformRows(module);
    }

    /** Rule name to "" (holds) or what is wrong, for every rule the parameters ask for, in their order. */
    Map<String, String> apply(Map<String, Object> parameters) {
        Map<String, String> results = new LinkedHashMap<>();
        rows(parameters.get("resources"))
                .forEach(row -> results.put(uniqueName(results, "resource " + row.get("type")), rows.required(row)));
        rows(parameters.get("forbidden"))
                .forEach(row -> results.put(uniqueName(results, "forbidden " + row.get("type")), rows.forbidden(row)));
        TerraformIngress ingress = new TerraformIngress(module, rows.modules());
        if (parameters.get("noIngressFrom") instanceof String scope) {
            results.put("noIngressFrom", ingress.from(scope));
        }
        if (parameters.get("noIngressPorts") instanceof List<?> ports) {
            results.put("noIngressPorts", ingress.ports(strings(ports)));
        }
        if (parameters.get("reachablePorts") instanceof List<?> ports) {
            results.put("reachablePorts", ingress.reachable(strings(ports)));
        }
        if (parameters.get("bucketPolicy") != null) {
            results.put("bucketPolicy", new TerraformBucketPolicy(module).check());
        }
        if (Text.flag(parameters, "typedVariables", false)) {
            results.put("typedVariables", typedVariables());
        }
        if (parameters.get("variables") instanceof List<?> names) {
            results.put("variables", variables(strings(names)));
        }
        if (Text.flag(parameters, "noHardcodedSecrets", false)) {
            results.put("noHardcodedSecrets", new TerraformSecrets(module).check());
        }
        if (parameters.get("tags") instanceof List<?> keys && parameters.get("taggable") instanceof List<?> types) {
            String tags = new TerraformTags(module).check(strings(keys), strings(types));
            results.put("tags", tags.isEmpty() && !rows.modules().isEmpty() ? "cannot tell" + rows.modules() : tags);
        }
        if (module.refusal() != null) {
            results.replaceAll((rule, failure) -> "Terraform would not load this module: " + module.refusal());
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

    private String typedVariables() {
        List<String> untyped = module.all("variable").stream()
                .filter(variable -> variable.body().attribute("type").isEmpty())
                .map(variable -> variable.label(0))
                .toList();
        return untyped.isEmpty() ? "" : "variables without a type: " + String.join(", ", untyped);
    }

    private String variables(List<String> names) {
        List<String> missing = names.stream()
                .filter(name -> module.variable(name)
                        .flatMap(v -> v.body().attribute("type"))
                        .isEmpty())
                .toList();
        return missing.isEmpty() ? "" : "variables not declared with a type: " + String.join(", ", missing);
    }
}
