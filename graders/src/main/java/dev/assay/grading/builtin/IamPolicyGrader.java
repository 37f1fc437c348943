package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Type;
import dev.assay.grading.iam.IamPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the candidate's IAM policy (a JSON file, read through the archive API) against a decision table of
 * requests, each expected to be allowed or denied: least privilege is scored by the must-deny rows as much as the
 * must-allow ones. An allow row is decided in the context it states (the legitimate request); a deny row must be
 * denied in every context it leaves open ({@link dev.assay.grading.iam.ConditionSweep}). A policy IAM would refuse
 * fails with what and where. Every row right passes; some right earns that share as partial credit.
 */
public final class IamPolicyGrader extends BuiltinGrader {
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .optional("policy", Type.STRING, "the absolute path of the policy JSON in the lab")
            .optional(
                    "policies",
                    Type.STRING_LIST,
                    "the absolute paths of every identity policy of one principal, decided together as IAM does"
                            + " (a Deny in any wins)")
            .exactlyOneOf("policy", "policies")
            .required(
                    "requests",
                    Type.TABLE,
                    "rows of {action, resource, expect: allow|deny, context: {key: value or [values]},"
                            + " absent: [keys a deny row keeps absent]}")
            .optional(
                    "context",
                    Type.STRING_MAP,
                    "condition keys every row's request carries (who is asking: aws:username, aws:PrincipalTag/..."
                            + "); pinned, never varied")
            .optional(
                    "allowContext",
                    Type.STRING_MAP,
                    "condition keys a legitimate request carries (aws:SecureTransport, aws:SourceIp, aws:CurrentTime)"
                            + ", added to allow rows only: deny rows still vary them")
            .optional(
                    "partialCredit",
                    Type.BOOLEAN,
                    "some rows right earn that share (default true); false: all rows right or nothing, for least"
                            + " privilege, where a policy that allows nothing would otherwise earn every deny row")
            .rule(IamRows::problems)
            .build();

    public IamPolicyGrader() {
        super(
                "iam-policy",
                "2",
                "evaluates an AWS IAM policy file as IAM does against allow/deny request rows; deny rows must hold"
                        + " in every context they leave open",
                PARAMETERS);
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        List<String> paths = paths(parameters);
        CheckResult.Builder check = CheckResult.builder(true).observe("policy", String.join(", ", paths));
        List<IamPolicy> policies = new ArrayList<>();
        for (String path : paths) {
            IamPolicy one = load(lab, path, check);
            if (one != null) {
                policies.add(one);
            }
        }
        if (policies.size() < paths.size()) {
            return check.build();
        }
        List<String> labels =
                paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
        IamPolicy policy = IamPolicy.together(labels, policies);
        policy.notes().forEach(note -> check.observe("note", note));
        IamRows rows = new IamRows(policy, parameters);
        List<?> table = parameters.get("requests") instanceof List<?> list ? list : List.of();
        List<String> wrong = new ArrayList<>();
        for (Object item : table) {
            Optional<String> failure = rows.judge((Map<?, ?>) item, check);
            failure.ifPresent(wrong::add);
        }
        if (wrong.isEmpty()) {
            return check.success("all " + table.size() + " requests decided as expected")
                    .build();
        }
        wrong.forEach(failure -> check.expect(false, failure));
        if (!Text.flag(parameters, "partialCredit", true)) {
            return check.build();
        }
        return check.buildPartial(
                (table.size() - wrong.size()) / (double) table.size(),
                wrong.size() + " of " + table.size() + " requests decided wrongly");
    }

    private static List<String> paths(Map<String, Object> parameters) {
        if (parameters.get("policies") instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(Text.string(parameters, "policy", ""));
    }

    /** Reads and parses the policy; null (with the failure recorded on {@code check}) when there is none. */
    private static @Nullable IamPolicy load(LabView lab, String path, CheckResult.Builder check) {
        FileResult.Content content = Text.candidateFile(lab, path, check);
        if (content == null) {
            return null;
        }
        try {
            return IamPolicy.parse(content.text());
        } catch (IllegalArgumentException e) {
            check.expect(false, path + " is not a policy IAM accepts: " + e.getMessage());
            return null;
        }
    }
}
