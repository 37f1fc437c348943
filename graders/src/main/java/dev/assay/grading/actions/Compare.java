package dev.assay.grading.actions;

import org.jspecify.annotations.Nullable;

/** GitHub's comparisons: strings ignoring case, mixed types as numbers (null 0, booleans 1 and 0, text parsed). */
final class Compare {
    private Compare() {}

    static boolean holds(String op, @Nullable Object left, @Nullable Object right) {
        if (op.equals("==") || op.equals("!=")) {
            return equal(left, right) == op.equals("==");
        }
        if (left instanceof String a && right instanceof String b) {
            int c = Condition.lower(a).compareTo(Condition.lower(b));
            return order(op, c);
        }
        double a = number(left);
        double b = number(right);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        return order(op, Double.compare(a, b));
    }

    private static boolean order(String op, int c) {
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> false;
        };
    }

    static boolean equal(@Nullable Object left, @Nullable Object right) {
        if (left == null || right == null) {
            return left == right || number(left) == number(right);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.equalsIgnoreCase(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return a.equals(b);
        }
        double a = number(left);
        double b = number(right);
        return !Double.isNaN(a) && a == b;
    }

    static double number(@Nullable Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return 0;
        }
        Double parsed = ExprTokens.number(text);
        return parsed;
    }

    /** contains, startsWith, endsWith on text, ignoring case. */
    static boolean text(String function, @Nullable Object haystack, @Nullable Object needle) {
        String h = haystack == null ? "" : Condition.lower(haystack);
        String n = needle == null ? "" : Condition.lower(needle);
        return switch (function) {
            case "contains" -> h.contains(n);
            case "startswith" -> h.startsWith(n);
            default -> h.endsWith(n);
        };
    }
}
