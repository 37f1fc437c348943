package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Splits an expression into tokens: identifiers, numbers, quoted strings (quotes kept) and operators. */
final class ExprTokens {
    private static final List<String> OPERATORS =
            List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ".", ",", "*");

    private ExprTokens() {}

    /** The tokens, or null when the text holds something the language has not (an unclosed string, a $). */
    static @Nullable List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '\'') {
                end = stringEnd(text, i);
            } else if (Character.isLetter(c) || c == '_') {
                end = identifierEnd(text, i);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && isNumberStart(text, i + 1))) {
                end = numberEnd(text, i + 1);
            } else {
                end = operatorEnd(text, i);
            }
            if (end <= i) {
                return null;
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static boolean isNumberStart(String text, int i) {
        return Character.isDigit(text.charAt(i)) || text.charAt(i) == '.';
    }

    private static int stringEnd(String text, int from) {
        int i = from + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length()
                && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static int numberEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int operatorEnd(String text, int from) {
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, from)) {
                return from + operator.length();
            }
        }
        return -1;
    }

    static boolean isIdentifier(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    /** A number literal's value (decimal, hex with 0x, exponent); NaN when it is none. */
    static Double number(String token) {
        try {
            String t = token.toLowerCase(java.util.Locale.ROOT);
            boolean negative = t.startsWith("-");
            String digits = negative ? t.substring(1) : t;
            double value =
                    digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Double.parseDouble(digits);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
