package dev.assay.grading.iam;

import dev.assay.grading.iam.Operator.Base;
import dev.assay.grading.iam.Operator.Qualifier;
import dev.assay.grading.iam.Template.Part;
import java.util.List;

/**
 * Decides one condition test against the request context, as AWS documents: the values listed for a key are
 * OR-ed (NOR for a negated operator); a missing key makes a plain operator false and a negated one true, except
 * that {@code ...IfExists} holds and {@code ForAllValues:} holds, while {@code ForAnyValue:} fails; {@code Null}
 * tests for absence. A key with several request values under an operator without a set qualifier is undecided
 * (AWS requires ForAnyValue: or ForAllValues: there, and does not document the outcome without).
 */
final class Conditions {
    private Conditions() {}

    /** {@code policyValues}: the test's values with variables resolved; {@code why} collects undecided reasons. */
    static Truth evaluate(ConditionTest test, List<List<Part>> policyValues, Context context, List<String> why) {
        Operator operator = test.operator();
        if (operator.base() == Base.NULL) {
            boolean absent = context.missing(test.key());
            return Truth.of(policyValues.stream()
                    .map(Template::text)
                    .anyMatch(v -> Values.bool(v).orElse(false) == absent));
        }
        List<String> actual = context.values(test.key());
        if (actual == null || actual.isEmpty()) {
            if (operator.ifExists() || operator.qualifier() == Qualifier.ALL_VALUES) {
                return Truth.TRUE;
            }
            return Truth.of(operator.negated() && operator.qualifier() == Qualifier.NONE);
        }
        return switch (operator.qualifier()) {
            case NONE -> {
                if (actual.size() > 1) {
                    why.add(test.key() + " has " + actual.size() + " values in the request, but " + operator.written()
                            + " takes one (AWS requires ForAnyValue: or ForAllValues: for a key with several"
                            + " values, and does not document the outcome without)");
                    yield Truth.UNKNOWN;
                }
                yield oneValue(test, policyValues, actual.get(0), why);
            }
            case ANY_VALUE ->
                actual.stream().map(v -> oneValue(test, policyValues, v, why)).reduce(Truth.FALSE, Truth::or);
            case ALL_VALUES ->
                actual.stream().map(v -> oneValue(test, policyValues, v, why)).reduce(Truth.TRUE, Truth::and);
        };
    }

    /** One request value against the policy's values: any matches (OR), or for a negated operator none (NOR). */
    private static Truth oneValue(ConditionTest test, List<List<Part>> policyValues, String value, List<String> why) {
        Truth any = Truth.FALSE;
        for (List<Part> policyValue : policyValues) {
            any = any.or(Comparisons.compare(test.operator().base(), value, policyValue));
        }
        if (any == Truth.UNKNOWN) {
            why.add("request value '" + value + "' of " + test.key() + " is not one "
                    + test.operator().written() + " can compare (AWS only puts values of the key's type in a request)");
        }
        return test.operator().negated() ? any.not() : any;
    }
}
