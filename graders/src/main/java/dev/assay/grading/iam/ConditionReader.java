package dev.assay.grading.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.iam.Operator.Family;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a statement's Condition element. Every operator must be one IAM knows (checked whether or not a request
 * ever carries its key), every key a non-empty name given once (case does not tell keys apart), every value a
 * string, number or boolean, and every value of a typed operator a value of its type: numbers, W3C ISO 8601 dates
 * or epoch seconds, true or false, base-64, IP addresses or CIDRs (never host names), six-part ARNs. Policy
 * variables are taken in String, ARN and Bool conditions only.
 */
final class ConditionReader {
    private final boolean variables;

    ConditionReader(boolean variables) {
        this.variables = variables;
    }

    List<ConditionTest> read(@Nullable JsonNode condition, String where) {
        List<ConditionTest> tests = new ArrayList<>();
        if (condition == null) {
            return tests;
        }
        if (!condition.isObject()) {
            throw new IllegalArgumentException(where + ": Condition is an object of operators");
        }
        var operators = condition.fields();
        while (operators.hasNext()) {
            var entry = operators.next();
            String at = where + ": Condition " + entry.getKey();
            Operator operator = parse(entry.getKey(), where);
            if (!entry.getValue().isObject()) {
                throw new IllegalArgumentException(at + " must map condition keys to values");
            }
            Map<String, String> seen = new HashMap<>();
            var keys = entry.getValue().fields();
            while (keys.hasNext()) {
                var key = keys.next();
                String previous = seen.put(key.getKey().toLowerCase(Locale.ROOT), key.getKey());
                if (key.getKey().isBlank() || previous != null) {
                    throw new IllegalArgumentException(at + ": condition key '" + key.getKey()
                            + "' is empty or given twice (keys do not differ by case)");
                }
                tests.add(new ConditionTest(operator, key.getKey(), values(operator, key.getValue(), at)));
            }
        }
        return tests;
    }

    private static Operator parse(String name, String where) {
        try {
            return Operator.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private List<Template> values(Operator operator, JsonNode node, String at) {
        List<JsonNode> raw = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(raw::add);
        } else {
            raw.add(node);
        }
        List<Template> values = new ArrayList<>();
        for (JsonNode value : raw) {
            if (!value.isValueNode() || value.isNull()) {
                throw new IllegalArgumentException(
                        at + ": condition values are strings, numbers or booleans, not " + value);
            }
            boolean takesVariables = variables && operator.base().takesVariables();
            Template template;
            try {
                template = Template.parse(value.asText(), takesVariables);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
            if (!template.hasVariables()) {
                problem(operator.base().family(), value.asText()).ifPresent(problem -> {
                    String hint = value.asText().contains("${")
                            ? " (AWS takes policy variables in String, ARN and Bool conditions only)"
                            : "";
                    throw new IllegalArgumentException(at + ": '" + value.asText() + "' " + problem + hint);
                });
            }
            values.add(template);
        }
        return values;
    }

    /** What is wrong with a literal policy value for this family; empty when it is one. */
    static Optional<String> problem(Family family, String value) {
        boolean ok = switch (family) {
            case STRING -> true;
            case NUMERIC -> Values.decimal(value).isPresent();
            case DATE -> Values.instant(value).isPresent();
            case BOOL, NULL -> Values.bool(value).isPresent();
            case BINARY -> Values.binary(value).isPresent();
            case IP -> IpRange.parse(value).isPresent();
            case ARN -> Arns.parts(Template.parse(value, false).parts()).isPresent() && value.startsWith("arn:");
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(
                switch (family) {
                    case NUMERIC -> "is not an integer or decimal number";
                    case DATE ->
                        "is not a date in a W3C ISO 8601 form (2027-01-01, 2027-01-01T00:00Z,"
                                + " 2027-01-01T00:00:00Z) or epoch seconds, as AWS requires";
                    case BOOL, NULL -> "is not true or false";
                    case BINARY -> "is not base-64";
                    case IP -> "is not an IPv4 or IPv6 address or CIDR range (host names are not resolved)";
                    default -> "is not an ARN of six parts, arn:partition:service:region:account:resource";
                });
    }
}
