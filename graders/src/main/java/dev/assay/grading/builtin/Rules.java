package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import java.util.List;
import java.util.Map;

/**
 * The verdict of graders that check a list of rules (github-actions, terraform, kubernetes): each rule is an
 * observation ("holds" or what is wrong); all held pass, some held earn that share, none held fail. With
 * {@code partialCredit: false} a check fails unless every rule holds.
 */
final class Rules {
    private Rules() {}

    /** {@code results}: rule name to "" when it holds, else what is wrong; in the order they were checked. */
    static CheckResult verdict(CheckResult.Builder check, Map<String, String> results) {
        results.forEach((rule, failure) -> check.observe(rule, failure.isEmpty() ? "holds" : failure));
        List<String> failures =
                results.values().stream().filter(failure -> !failure.isEmpty()).toList();
        int rules = results.size();
        if (failures.isEmpty()) {
            return check.success("all " + rules + " rules hold").build();
        }
        failures.forEach(failure -> check.expect(false, failure));
        return check.buildPartial(
                (rules - failures.size()) / (double) rules, failures.size() + " of " + rules + " rules broken");
    }

    /** As {@link #verdict(CheckResult.Builder, Map)}, or all or nothing when the lab sets partialCredit false. */
    static CheckResult verdict(CheckResult.Builder check, Map<String, String> results, Map<String, Object> parameters) {
        if (Text.flag(parameters, "partialCredit", true)) {
            return verdict(check, results);
        }
        results.forEach((rule, failure) -> check.observe(rule, failure.isEmpty() ? "holds" : failure));
        results.values().forEach(failure -> check.expect(failure.isEmpty(), failure));
        return check.success("all " + results.size() + " rules hold").build();
    }
}
