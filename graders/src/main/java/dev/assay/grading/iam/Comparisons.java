package dev.assay.grading.iam;

import dev.assay.grading.iam.Operator.Base;
import dev.assay.grading.iam.Operator.Comparison;
import dev.assay.grading.iam.Template.Part;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The positive comparison of one request value with one policy value; UNKNOWN when either is not of the
 * operator's type (policy values were checked when the policy was read, so that means the request's).
 */
final class Comparisons {
    private Comparisons() {}

    static Truth compare(Base base, String value, List<Part> policyValue) {
        String policyText = Template.text(policyValue);
        return switch (base.family()) {
            case STRING -> Truth.of(string(base.comparison(), value, policyValue, policyText));
            case NUMERIC -> ordered(base.comparison(), Values.decimal(value), Values.decimal(policyText));
            case DATE -> ordered(base.comparison(), Values.instant(value), Values.instant(policyText));
            case BOOL -> both(Values.bool(value), Values.bool(policyText), Boolean::equals);
            case BINARY -> both(Values.binary(value), Values.binary(policyText), Arrays::equals);
            case IP -> both(IpRange.address(value), IpRange.parse(policyText), (a, range) -> range.contains(a));
            case ARN -> Arns.conditionMatch(policyValue, value);
            case NULL -> Truth.FALSE;
        };
    }

    private static boolean string(Comparison comparison, String value, List<Part> policyValue, String policyText) {
        return switch (comparison) {
            case EQUAL -> value.equals(policyText);
            case EQUAL_IGNORING_CASE -> value.toLowerCase(Locale.ROOT).equals(policyText.toLowerCase(Locale.ROOT));
            default -> Glob.like(policyValue).matches(value);
        };
    }

    private static <T extends Comparable<? super T>> Truth ordered(
            Comparison comparison, Optional<T> value, Optional<T> policyValue) {
        if (value.isEmpty() || policyValue.isEmpty()) {
            return Truth.UNKNOWN;
        }
        int c = value.get().compareTo(policyValue.get());
        return Truth.of(
                switch (comparison) {
                    case LESS -> c < 0;
                    case LESS_OR_EQUAL -> c <= 0;
                    case GREATER -> c > 0;
                    case GREATER_OR_EQUAL -> c >= 0;
                    default -> c == 0;
                });
    }

    private static <A, B> Truth both(Optional<A> value, Optional<B> policyValue, BiPredicate<A, B> test) {
        if (value.isEmpty() || policyValue.isEmpty()) {
            return Truth.UNKNOWN;
        }
        return Truth.of(test.test(value.get(), policyValue.get()));
    }
}
