package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.iam.ConditionSweep;
import dev.assay.grading.iam.IamPolicy;
import dev.assay.grading.iam.IamPolicy.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The iam-policy grader's rows: an allow row is decided once, in its stated context (the check's {@code context},
 * then {@code allowContext}, then the row's own); a deny row is swept over every context its row leaves open,
 * pinning only the check's {@code context}, the row's {@code context} and the keys in its {@code absent}.
 */
final class IamRows {
    private static final Set<String> ROW_KEYS = Set.of("action", "resource", "expect", "context", "absent");
    private static final Pattern ACTION = Pattern.compile("[^:\\s*?]+:[^:\\s*?]+");

    private final IamPolicy policy;
    private final Map<String, List<String>> shared;
    private final Map<String, List<String>> allowOnly;

    IamRows(IamPolicy policy, Map<String, Object> parameters) {
        this.policy = policy;
        this.shared = values(parameters.get("context"));
        this.allowOnly = values(parameters.get("allowContext"));
    }

    /** Judges one row and observes it; the failure message when the policy does not decide it as expected. */
    Optional<String> judge(Map<?, ?> row, CheckResult.Builder check) {
        String action = String.valueOf(row.get("action"));
        String resource = String.valueOf(row.get("resource"));
        String line = action + " on " + resource;
        Set<String> absent = new LinkedHashSet<>();
        if (row.get("absent") instanceof List<?> keys) {
            keys.forEach(k -> absent.add(String.valueOf(k)));
        }
        Map<String, List<String>> context = new LinkedHashMap<>(shared);
        boolean expectAllow = "allow".equals(row.get("expect"));
        if (expectAllow) {
            context.putAll(allowOnly);
        }
        context.putAll(values(row.get("context")));
        context.keySet().removeIf(k -> absent.stream().anyMatch(a -> a.equalsIgnoreCase(k)));
        IamPolicy.Request request = new IamPolicy.Request(action, resource, context);
        return expectAllow ? allowRow(request, line, check) : denyRow(request, absent, line, check);
    }

    private Optional<String> allowRow(IamPolicy.Request request, String line, CheckResult.Builder check) {
        Outcome outcome = policy.decide(request);
        String got = describe(outcome);
        boolean right = outcome.decision().allowed();
        check.observe(line, got + (right ? "" : " (expected allow)"));
        return right ? Optional.empty() : Optional.of(line + " is " + got + ", expected allow");
    }

    private Optional<String> denyRow(
            IamPolicy.Request request, Set<String> absent, String line, CheckResult.Builder check) {
        ConditionSweep.Result sweep = ConditionSweep.sweep(policy, request, absent);
        if (sweep.tooMany()) {
            String failure = line + ": the policy's conditions on it span " + sweep.needed() + " combinations of "
                    + sweep.keysVaried() + ", more than the " + ConditionSweep.MAX_CONTEXTS
                    + " the grader sweeps; not judged, so not credited";
            check.observe(line, "not judged: too many contexts to sweep");
            return Optional.of(failure);
        }
        ConditionSweep.Escape escape = sweep.escape();
        if (escape == null) {
            check.observe(
                    line,
                    "denied in all " + sweep.contexts() + " contexts swept"
                            + (sweep.keysVaried().isEmpty()
                                    ? ""
                                    : " (varied: " + String.join(", ", sweep.keysVaried()) + ")"));
            return Optional.empty();
        }
        String got = describe(escape.outcome()) + " " + escape.describe();
        check.observe(line, got + " (expected deny in every context)");
        return Optional.of(line + " is " + got + ", expected deny in every context the row leaves open");
    }

    private static String describe(Outcome outcome) {
        String decision = outcome.decision().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String by = outcome.matched().isEmpty() ? "" : " by " + outcome.matched();
        return switch (outcome.decision()) {
            case ALLOW -> "allowed" + by;
            case UNDECIDED -> "undecided" + by + " (" + String.join("; ", outcome.undecidedBecause()) + ")";
            default -> decision + by;
        };
    }

    /** A context map from parameters: each key to its values (a scalar is one value, a list several). */
    static Map<String, List<String>> values(@Nullable Object raw) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, v) -> context.put(
                    String.valueOf(key),
                    v instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(v))));
        }
        return context;
    }

    /** The table's problems, found when the lab loads. */
    static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        List<?> paths = values.get("policies") instanceof List<?> list ? list : List.of(values.get("policy"));
        for (Object path : paths) {
            if (!String.valueOf(path).startsWith("/")) {
                problems.add(new Problem(
                        values.containsKey("policy") ? "policy" : "policies",
                        "'" + path + "' must be an absolute path"));
            }
        }
        if (paths.isEmpty()) {
            problems.add(new Problem("policies", "name at least one policy file"));
        }
        List<?> rows = values.get("requests") instanceof List<?> list ? list : List.of();
        if (rows.isEmpty()) {
            problems.add(new Problem("requests", "give at least one request"));
        }
        for (int i = 0; i < rows.size(); i++) {
            rowProblems((Map<?, ?>) rows.get(i), "requests[" + i + "]", problems);
        }
        return problems;
    }

    private static void rowProblems(Map<?, ?> row, String where, List<Problem> problems) {
        row.keySet().stream()
                .filter(k -> !ROW_KEYS.contains(String.valueOf(k)))
                .forEach(k -> problems.add(new Problem(where, "unknown field '" + k + "'; a row takes " + ROW_KEYS)));
        if (!(row.get("action") instanceof String action)
                || !ACTION.matcher(action).matches()) {
            problems.add(new Problem(where, "needs one action without wildcards, e.g. action: s3:GetObject"));
        }
        if (!(row.get("resource") instanceof String resource)
                || !(resource.equals("*") || (resource.startsWith("arn:") && resource.split(":", 6).length == 6))) {
            problems.add(new Problem(where, "needs resource: an ARN of six parts (arn:aws:s3:::bucket/key) or *"));
        }
        if (!"allow".equals(row.get("expect")) && !"deny".equals(row.get("expect"))) {
            problems.add(new Problem(where, "expect must be allow or deny"));
        }
        Object context = row.get("context");
        if (context != null
                && !(context instanceof Map<?, ?> map && map.values().stream().allMatch(IamRows::scalars))) {
            problems.add(new Problem(where, "context maps condition keys to a value or a list of values"));
        }
        Object absent = row.get("absent");
        if (absent != null && !(absent instanceof List<?> keys && keys.stream().allMatch(String.class::isInstance))) {
            problems.add(new Problem(where, "absent is a list of condition keys, e.g. absent: [\"s3:prefix\"]"));
        } else if (absent instanceof List<?> keys && context instanceof Map<?, ?> map) {
            keys.stream()
                    .filter(k -> map.keySet().stream()
                            .anyMatch(c -> String.valueOf(c).equalsIgnoreCase((String) k)))
                    .forEach(k -> problems.add(new Problem(where, "'" + k + "' is both in context and absent")));
        }
    }

    private static boolean scalars(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.stream().allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean);
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
