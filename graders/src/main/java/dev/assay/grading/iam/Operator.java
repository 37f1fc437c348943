package dev.assay.grading.iam;

import dev.assay.grading.EditDistance;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * A condition operator as written: an optional set qualifier ({@code ForAnyValue:}, {@code ForAllValues:}), a
 * base operator, and an optional {@code IfExists} suffix (never on Null). Names are matched without regard to
 * case; anything else is refused, as IAM refuses a policy with an operator it does not know.
 */
record Operator(Qualifier qualifier, Base base, boolean ifExists, String written) {

    enum Qualifier {
        NONE,
        ANY_VALUE,
        ALL_VALUES
    }

    /** What a base operator compares. */
    enum Family {
        STRING,
        NUMERIC,
        DATE,
        BOOL,
        BINARY,
        IP,
        ARN,
        NULL
    }

    /** How a request value is compared with a policy value; negated operators negate the result. */
    enum Comparison {
        EQUAL,
        EQUAL_IGNORING_CASE,
        LIKE,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL,
        IN_RANGE,
        ARN_LIKE,
        ABSENT
    }

    enum Base {
        STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQUAL, false),
        STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQUAL, true),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORING_CASE, false),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORING_CASE, true),
        STRING_LIKE("StringLike", Family.STRING, Comparison.LIKE, false),
        STRING_NOT_LIKE("StringNotLike", Family.STRING, Comparison.LIKE, true),
        NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQUAL, false),
        NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQUAL, true),
        NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LESS, false),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LESS_OR_EQUAL, false),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GREATER, false),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GREATER_OR_EQUAL, false),
        DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQUAL, false),
        DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQUAL, true),
        DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LESS, false),
        DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LESS_OR_EQUAL, false),
        DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GREATER, false),
        DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Comparison.GREATER_OR_EQUAL, false),
        BOOL("Bool", Family.BOOL, Comparison.EQUAL, false),
        BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQUAL, false),
        IP_ADDRESS("IpAddress", Family.IP, Comparison.IN_RANGE, false),
        NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.IN_RANGE, true),
        ARN_EQUALS("ArnEquals", Family.ARN, Comparison.ARN_LIKE, false),
        ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.ARN_LIKE, true),
        ARN_LIKE("ArnLike", Family.ARN, Comparison.ARN_LIKE, false),
        ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.ARN_LIKE, true),
        NULL("Null", Family.NULL, Comparison.ABSENT, false);

        private final String awsName;
        private final Family family;
        private final Comparison comparison;
        private final boolean negated;

        Base(String awsName, Family family, Comparison comparison, boolean negated) {
            this.awsName = awsName;
            this.family = family;
            this.comparison = comparison;
            this.negated = negated;
        }

        String awsName() {
            return awsName;
        }

        Family family() {
            return family;
        }

        Comparison comparison() {
            return comparison;
        }

        boolean negated() {
            return negated;
        }

        /** Policy variables are documented for String, ARN and Boolean conditions only. */
        boolean takesVariables() {
            return family == Family.STRING || family == Family.ARN || family == Family.BOOL;
        }
    }

    /** Reads an operator name; throws {@link IllegalArgumentException} naming it when IAM does not know it. */
    static Operator parse(String written) {
        String rest = written;
        Qualifier qualifier = Qualifier.NONE;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String prefix = rest.substring(0, colon).toLowerCase(Locale.ROOT);
            qualifier = prefix.equals("foranyvalue")
                    ? Qualifier.ANY_VALUE
                    : prefix.equals("forallvalues") ? Qualifier.ALL_VALUES : Qualifier.NONE;
            if (qualifier == Qualifier.NONE) {
                throw unknown(
                        written,
                        "the set qualifier '" + rest.substring(0, colon + 1)
                                + "' is not ForAnyValue: or ForAllValues:");
            }
            rest = rest.substring(colon + 1);
        }
        String name = rest;
        boolean ifExists = name.toLowerCase(Locale.ROOT).endsWith("ifexists");
        String baseName = ifExists ? name.substring(0, name.length() - "IfExists".length()) : name;
        Base base = Arrays.stream(Base.values())
                .filter(b -> b.awsName().equalsIgnoreCase(baseName))
                .findFirst()
                .orElseThrow(() -> unknown(written, suggestion(name)));
        if (base == Base.NULL && (ifExists || qualifier != Qualifier.NONE)) {
            throw unknown(written, "Null takes neither IfExists nor a set qualifier");
        }
        return new Operator(qualifier, base, ifExists, written);
    }

    private static IllegalArgumentException unknown(String written, String why) {
        return new IllegalArgumentException(
                "condition operator '" + written + "' is not one IAM accepts (" + why + "); IAM refuses the policy");
    }

    private static String suggestion(String name) {
        String best = Arrays.stream(Base.values())
                .map(Base::awsName)
                .min(Comparator.comparingInt(
                        n -> EditDistance.between(n.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))))
                .orElse("StringEquals");
        return "did you mean " + best + "?";
    }

    boolean negated() {
        return base.negated();
    }
}
