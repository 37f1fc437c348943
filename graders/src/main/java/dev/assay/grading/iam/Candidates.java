package dev.assay.grading.iam;

import dev.assay.grading.iam.Operator.Family;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Request values around one policy value, for the sweep: the value itself and what sits just either side of it
 * for its operator (a step before and after a date or number, the first and last address of a CIDR and the
 * addresses just outside, a string that matches a pattern and its other-case twin), plus a few values of each
 * type that match nothing in particular.
 */
final class Candidates {
    private Candidates() {}

    static List<String> of(Operator operator, String policyValue, boolean numericKey) {
        List<String> out = new ArrayList<>();
        switch (operator.base().family()) {
            case STRING -> strings(operator.base().comparison(), policyValue, out);
            case NUMERIC ->
                Values.decimal(policyValue).ifPresent(d -> {
                    out.add(d.subtract(BigDecimal.ONE).toPlainString());
                    out.add(d.toPlainString());
                    out.add(d.add(BigDecimal.ONE).toPlainString());
                });
            case DATE ->
                Values.instant(policyValue).ifPresent(i -> {
                    boolean epoch = numericKey || (policyValue.matches("-?\\d+") && policyValue.length() != 4);
                    for (long step = -1; step <= 1; step++) {
                        Instant at = i.plusSeconds(step);
                        out.add(epoch ? String.valueOf(at.getEpochSecond()) : at.toString());
                    }
                });
            case BOOL -> out.addAll(List.of("true", "false"));
            case BINARY -> out.add(policyValue);
            case IP ->
                IpRange.parse(policyValue).ifPresent(range -> {
                    BigInteger first = range.network();
                    BigInteger last = range.last();
                    for (BigInteger v :
                            List.of(first, last, first.subtract(BigInteger.ONE), last.add(BigInteger.ONE))) {
                        range.format(v).ifPresent(out::add);
                    }
                });
            case ARN -> out.add(policyValue.replace("*", "assay").replace("?", "x"));
            default -> out.add(SweepValues.SAMPLE); // Null: present with any value
        }
        return out;
    }

    private static void strings(Operator.Comparison comparison, String policyValue, List<String> out) {
        List<String> base = comparison == Operator.Comparison.LIKE
                ? List.of(
                        policyValue.replace("*", "").replace("?", "x"),
                        policyValue.replace("*", "assay").replace("?", "x"))
                : List.of(policyValue);
        for (String value : base) {
            out.add(value);
            out.add(value.toUpperCase(Locale.ROOT));
            out.add(value.toLowerCase(Locale.ROOT));
        }
    }

    private static final Map<String, Set<Family>> GLOBAL_KEY_TYPES = Map.of(
            "aws:securetransport", Set.of(Family.BOOL),
            "aws:multifactorauthpresent", Set.of(Family.BOOL),
            "aws:viaawsservice", Set.of(Family.BOOL),
            "aws:sourceip", Set.of(Family.IP),
            "aws:currenttime", Set.of(Family.DATE),
            "aws:tokenissuetime", Set.of(Family.DATE),
            "aws:epochtime", Set.of(Family.NUMERIC, Family.DATE),
            "aws:multifactorauthage", Set.of(Family.NUMERIC),
            "aws:principalarn", Set.of(Family.ARN),
            "aws:sourcearn", Set.of(Family.ARN));

    /** The types AWS documents for some global keys, so a sweep only gives them values a request could carry. */
    static Set<Family> documentedTypes(String key) {
        return GLOBAL_KEY_TYPES.getOrDefault(key.toLowerCase(Locale.ROOT), Set.of());
    }

    /** Values of each family that the policy's own values may not reach. */
    static List<String> generic(Set<Family> families) {
        List<String> out = new ArrayList<>();
        out.add(SweepValues.SAMPLE);
        out.add("");
        out.addAll(List.of("192.0.2.1", "2001:db8::1", "0", "1970-01-01T00:00:00Z", "true", "false", "YXNzYXk="));
        out.add("arn:aws:iam::999999999999:role/assay-other");
        return families.isEmpty() ? List.of(SweepValues.SAMPLE) : out;
    }

    /** Whether {@code value} is a value of every family the key is compared as. */
    static boolean validFor(Set<Family> families, String value) {
        for (Family family : families) {
            boolean ok = switch (family) {
                case STRING, NULL -> true;
                case NUMERIC -> Values.decimal(value).isPresent();
                case DATE -> Values.instant(value).isPresent();
                case BOOL -> Values.bool(value).isPresent();
                case BINARY -> Values.binary(value).isPresent();
                case IP -> IpRange.address(value).isPresent();
                case ARN -> value.startsWith("arn:") && value.split(":", 6).length == 6;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
