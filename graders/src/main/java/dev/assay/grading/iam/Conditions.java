package dev.assay.grading.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * IAM condition operators. One operator block holds when every key in it holds; a key holds when its request
 * value matches any of the listed values (for a negated operator: none of them). Set operators: {@code
 * ForAnyValue:} needs one request value to match, {@code ForAllValues:} needs every request value to match (and
 * holds when the key is absent). {@code ...IfExists} holds when the key is absent. A missing key makes a plain
 * operator false and a negated one true; {@code Null} tests for absence.
 */
final class Conditions {
    private Conditions() {}

    static boolean holds(String operatorName, JsonNode keys, Map<String, List<String>> context) {
        String operator = operatorName;
        String set = "";
        if (operator.startsWith("ForAnyValue:") || operator.startsWith("ForAllValues:")) {
            set = operator.substring(0, operator.indexOf(':'));
            operator = operator.substring(operator.indexOf(':') + 1);
        }
        boolean ifExists = operator.endsWith("IfExists");
        if (ifExists) {
            operator = operator.substring(0, operator.length() - "IfExists".length());
        }
        Iterator<Map.Entry<String, JsonNode>> entries = keys.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<String> expected = values(entry.getValue());
            List<String> actual = lookup(context, entry.getKey());
            if (!key(operator, set, ifExists, expected, actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean key(
            String operator, String set, boolean ifExists, List<String> expected, List<String> actual) {
        if (operator.equals("Null")) {
            boolean wantAbsent = expected.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return wantAbsent == actual.isEmpty();
        }
        boolean negated = operator.contains("Not");
        if (actual.isEmpty()) {
            if (set.equals("ForAllValues")) {
                return true;
            }
            return ifExists || (negated && !set.equals("ForAnyValue"));
        }
        BiPredicate<String, String> match = matcher(operator.replace("Not", ""));
        BiPredicate<String, String> test = negated ? match.negate() : match;
        if (set.equals("ForAllValues")) {
            return actual.stream()
                    .allMatch(a -> negated
                            ? expected.stream().allMatch(e -> test.test(a, e))
                            : expected.stream().anyMatch(e -> test.test(a, e)));
        }
        if (set.equals("ForAnyValue")) {
            return actual.stream()
                    .anyMatch(a -> negated
                            ? expected.stream().allMatch(e -> test.test(a, e))
                            : expected.stream().anyMatch(e -> test.test(a, e)));
        }
        String value = actual.get(0);
        return negated
                ? expected.stream().allMatch(e -> test.test(value, e))
                : expected.stream().anyMatch(e -> test.test(value, e));
    }

    /** The positive form of an operator: does request value {@code a} match policy value {@code e}? */
    private static BiPredicate<String, String> matcher(String operator) {
        return switch (operator) {
            case "StringEquals", "ArnEquals" -> String::equals;
            case "StringEqualsIgnoreCase" -> String::equalsIgnoreCase;
            case "StringLike", "ArnLike" -> (a, e) -> Wildcards.glob(e, a);
            case "NumericEquals" -> numeric(c -> c == 0);
            case "NumericLessThan" -> numeric(c -> c < 0);
            case "NumericLessThanEquals" -> numeric(c -> c <= 0);
            case "NumericGreaterThan" -> numeric(c -> c > 0);
            case "NumericGreaterThanEquals" -> numeric(c -> c >= 0);
            case "DateEquals" -> (a, e) -> date(a).equals(date(e));
            case "DateLessThan" -> (a, e) -> date(a).isBefore(date(e));
            case "DateLessThanEquals" -> (a, e) -> !date(a).isAfter(date(e));
            case "DateGreaterThan" -> (a, e) -> date(a).isAfter(date(e));
            case "DateGreaterThanEquals" -> (a, e) -> !date(a).isBefore(date(e));
            case "Bool" -> (a, e) -> a.equalsIgnoreCase(e);
            case "IpAddress" -> Conditions::inCidr;
            default -> throw new IllegalArgumentException("condition operator '" + operator + "' is not supported");
        };
    }

    /** Compares request value and policy value as numbers; text that is not a number matches nothing. */
    private static BiPredicate<String, String> numeric(IntPredicate test) {
        return (a, e) -> {
            try {
                return test.test(new BigDecimal(a).compareTo(new BigDecimal(e)));
            } catch (NumberFormatException notANumber) {
                return false;
            }
        };
    }

    private static Instant date(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
    }

    /** Whether IPv4 or IPv6 address {@code a} lies in {@code cidr} (a bare address is a /32 or /128). */
    static boolean inCidr(String a, String cidr) {
        try {
            String[] parts = cidr.split("/", 2);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(a).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((network[i] & mask) != (address[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    /** Context keys are case-insensitive in IAM. */
    private static List<String> lookup(Map<String, List<String>> context, String key) {
        for (Map.Entry<String, List<String>> entry : context.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return entry.getValue();
            }
        }
        return List.of();
    }
}
