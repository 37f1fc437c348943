package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import dev.assay.grading.iam.IamPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the candidate's IAM policy (a JSON file, read through the archive API) against a decision table of
 * requests, each expected to be allowed or denied: least privilege is scored by the must-deny rows as much as
 * the must-allow ones. Every row right passes; some right earns that share as partial credit.
 */
public final class IamPolicyGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("policy", Type.STRING, "the absolute path of the policy JSON in the lab")
            .required(
                    "requests",
                    Type.TABLE,
                    "rows of {action, resource, expect: allow|deny, context: {key: value or [values]}}")
            .optional(
                    "partialCredit",
                    Type.BOOLEAN,
                    "some rows right earn that share (default true); false: all rows right or nothing, for least"
                            + " privilege, where a policy that allows nothing would otherwise earn every deny row")
            .rule(values -> {
                List<ParameterSpec.Problem> problems = new ArrayList<>();
                if (!String.valueOf(values.get("policy")).startsWith("/")) {
                    problems.add(new ParameterSpec.Problem("policy", "must be an absolute path"));
                }
                List<?> rows = values.get("requests") instanceof List<?> list ? list : List.of();
                for (int i = 0; i < rows.size(); i++) {
                    Map<?, ?> row = (Map<?, ?>) rows.get(i);
                    if (!(row.get("action") instanceof String) || !(row.get("resource") instanceof String)) {
                        problems.add(new ParameterSpec.Problem(
                                "requests[" + i + "]", "needs action and resource, e.g. action: s3:GetObject"));
                    }
                    if (!"allow".equals(row.get("expect")) && !"deny".equals(row.get("expect"))) {
                        problems.add(new ParameterSpec.Problem("requests[" + i + "]", "expect must be allow or deny"));
                    }
                    if (row.containsKey("context") && !(row.get("context") instanceof Map)) {
                        problems.add(new ParameterSpec.Problem(
                                "requests[" + i + "]", "context is a map of condition keys to values"));
                    }
                }
                if (rows.isEmpty()) {
                    problems.add(new ParameterSpec.Problem("requests", "give at least one request"));
                }
                return problems;
            })
            .build();

    public IamPolicyGrader() {
        super(
                "iam-policy",
                "1",
                "evaluates an AWS IAM policy file against allow/deny request rows (deny wins, wildcards, conditions)",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String path = Text.string(parameters, "policy", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("policy", path);
        IamPolicy policy = load(lab, path, check);
        if (policy == null) {
            return check.build();
        }
        policy.unsupported().forEach(note -> check.observe("not evaluated", note));
        List<?> rows = parameters.get("requests") instanceof List<?> list ? list : List.of();
        List<String> wrong = new ArrayList<>();
        for (Object item : rows) {
            try {
                decide(policy, (Map<?, ?>) item, check).ifPresent(wrong::add);
            } catch (IllegalArgumentException e) {
                return check.expect(false, path + ": " + e.getMessage()).build();
            }
        }
        if (wrong.isEmpty()) {
            return check.success("all " + rows.size() + " requests decided as expected")
                    .build();
        }
        wrong.forEach(failure -> check.expect(false, failure));
        if (!Text.flag(parameters, "partialCredit", true)) {
            return check.build();
        }
        return check.buildPartial(
                (rows.size() - wrong.size()) / (double) rows.size(),
                wrong.size() + " of " + rows.size() + " requests decided wrongly");
    }

    /** Reads and parses the policy; null (with the failure recorded on {@code check}) when there is none. */
    private static @Nullable IamPolicy load(LabView lab, String path, CheckResult.Builder check) {
        FileResult.Content content = Text.candidateFile(lab, path, check);
        if (content == null) {
            return null;
        }
        Documents.Parsed parsed = Documents.json(content.text());
        if (parsed instanceof Documents.Parsed.Unreadable unreadable) {
            check.expect(false, path + " is " + unreadable.reason());
            return null;
        }
        try {
            return IamPolicy.parse(((Documents.Parsed.Document) parsed).root());
        } catch (IllegalArgumentException e) {
            check.expect(false, path + " is not a valid policy: " + e.getMessage());
            return null;
        }
    }

    /** Decides one row and observes it; the failure message when the decision is not the one expected. */
    private static java.util.Optional<String> decide(IamPolicy policy, Map<?, ?> row, CheckResult.Builder check) {
        IamPolicy.Request request = new IamPolicy.Request(
                String.valueOf(row.get("action")), String.valueOf(row.get("resource")), context(row.get("context")));
        IamPolicy.Outcome outcome = policy.decide(request);
        boolean expectAllow = "allow".equals(row.get("expect"));
        String line = request.action() + " on " + request.resource();
        String got =
                outcome.decision().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (outcome.matched().isEmpty() ? "" : " by " + outcome.matched());
        boolean right = expectAllow == outcome.decision().allowed();
        check.observe(line, got + (right ? "" : " (expected " + row.get("expect") + ")"));
        return right
                ? java.util.Optional.empty()
                : java.util.Optional.of(line + " is " + got + ", expected " + row.get("expect"));
    }

    private static Map<String, List<String>> context(@Nullable Object value) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> context.put(
                    String.valueOf(key),
                    v instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(v))));
        }
        return context;
    }
}
