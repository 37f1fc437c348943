package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.terraform.Condition;
import dev.assay.grading.terraform.Instance;
import dev.assay.grading.terraform.Module;
import dev.assay.grading.terraform.Refers;
import dev.assay.grading.terraform.Truth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rows of {@code resources} (at least {@code min} instances of a type as required; with {@code every}, all of them
 * and at least one) and {@code forbidden} (no
 * instance as described), judged on every instance Terraform would plan. Each gives "" when it holds, else what
 * is wrong; "cannot tell" when a value it needs cannot be read, which never holds.
 */
final class TerraformRows {
    private final Module module;

    TerraformRows(Module module) {
        this.module = module;
    }

    String required(Map<?, ?> row) {
        String type = String.valueOf(row.get("type"));
        int min = row.get("min") instanceof Number n ? n.intValue() : 1;
        List<Instance> instances = instances(type);
        List<String> why = new ArrayList<>();
        int good = 0;
        boolean unknown = false;
        for (Instance instance : instances) {
            Truth truth = judge(instance, row);
            if (truth.yes()) {
                good++;
            } else {
                unknown |= truth.state() == Truth.State.UNKNOWN;
                why.add(instance.address() + ": " + truth.why());
            }
        }
        boolean every = Boolean.TRUE.equals(row.get("every"));
        if (good >= min && (!every || why.isEmpty())) {
            return "";
        }
        if (instances.isEmpty()) {
            return "no " + type + " resource is declared" + modules();
        }
        String head = every
                ? (instances.size() - good) + " of the " + instances.size() + " " + type + " are not as required"
                : min == 1 ? "no " + type + " is as required" : good + " of the " + min + " " + type + " needed";
        return (unknown ? "cannot tell: " : "") + head + " (" + String.join(" | ", why) + ")" + modules();
    }

    String forbidden(Map<?, ?> row) {
        String type = String.valueOf(row.get("type"));
        String reason = row.get("reason") == null ? "forbidden" : String.valueOf(row.get("reason"));
        List<String> offenders = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Instance instance : instances(type)) {
            Truth truth = judge(instance, row);
            if (truth.yes()) {
                offenders.add(instance.address() + " (" + instance.where() + ")");
            } else if (truth.state() == Truth.State.UNKNOWN) {
                unknown.add(instance.address() + ": " + truth.why());
            }
        }
        if (!offenders.isEmpty()) {
            return reason + ": " + String.join(", ", offenders);
        }
        if (!unknown.isEmpty()) {
            return "cannot tell whether there is " + reason + ": " + String.join(" | ", unknown);
        }
        String modules = modules();
        return modules.isEmpty() ? "" : "cannot tell whether there is " + reason + modules;
    }

    private List<Instance> instances(String type) {
        List<Instance> instances = new ArrayList<>();
        for (Block resource : module.resources(type)) {
            instances.addAll(Instance.of(module, resource));
        }
        return instances;
    }

    private Truth judge(Instance instance, Map<?, ?> row) {
        Truth truth = Condition.match(instance.node(), conditions(row));
        if (row.get("references") != null) {
            String type = String.valueOf(row.get("references"));
            truth = truth.and(Truth.of(Refers.to(module, instance.block(), type), "it does not refer to any " + type));
        }
        return instance.doubt() == null ? truth : truth.unless("it may not exist: " + instance.doubt());
    }

    static List<Condition> conditions(Map<?, ?> row) {
        List<Condition> conditions = new ArrayList<>();
        Map<?, ?> defaults = row.get("defaults") instanceof Map<?, ?> map ? map : Map.of();
        if (row.get("attributes") instanceof Map<?, ?> attributes) {
            attributes.forEach((path, regex) -> conditions.add(Condition.matching(
                    String.valueOf(path),
                    Pattern.compile(String.valueOf(regex)),
                    defaults.get(path) == null ? null : String.valueOf(defaults.get(path)))));
        }
        if (row.get("absent") instanceof List<?> absent) {
            absent.forEach(path -> conditions.add(Condition.absent(String.valueOf(path))));
        }
        return conditions;
    }

    /** What module calls leave unjudged, for messages: "" when there are none. */
    String modules() {
        List<String> calls = module.all("module").stream()
                .map(m -> "module." + m.label(0)
                        + m.body()
                                .attribute("source")
                                .map(s -> " (" + s.value().text() + ")")
                                .orElse(""))
                .toList();
        return calls.isEmpty() ? "" : "; what " + String.join(", ", calls) + " declare is not read by this grader";
    }
}
