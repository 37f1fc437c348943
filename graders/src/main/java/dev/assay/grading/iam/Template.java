package dev.assay.grading.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A policy string as IAM reads it: literal text, the wildcards {@code *} and {@code ?} (whether they act as
 * wildcards is the operator's business), and policy variables ({@code ${aws:username}}, with a default in
 * {@code ${aws:userid, 'anonymous'}}; {@code ${*}}, {@code ${?}} and {@code ${$}} stand for those characters).
 * Variables exist only in policies of Version 2012-10-17; elsewhere {@code ${...}} is plain text.
 */
final class Template {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:/._@+=\\- ]*");

    sealed interface Part permits Text, Star, One, Variable {}

    record Text(String text) implements Part {}

    record Star() implements Part {}

    record One() implements Part {}

    record Variable(String key, @Nullable String fallback) implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Reads {@code text}; throws {@link IllegalArgumentException} for a variable IAM would not accept. */
    static Template parse(String text, boolean variables) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (variables && text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("the policy variable in '" + text + "' has no closing '}'");
                }
                Part part = variable(text.substring(i + 2, end), text);
                if (part instanceof Text special) {
                    literal.append(special.text());
                } else {
                    flush(literal, parts);
                    parts.add(part);
                }
                i = end + 1;
            } else if (c == '*' || c == '?') {
                flush(literal, parts);
                parts.add(c == '*' ? new Star() : new One());
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new Template(text, List.copyOf(parts));
    }

    private static Part variable(String body, String text) {
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return new Text(body);
        }
        String key = body;
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).trim();
            String rest = body.substring(comma + 1).trim();
            if (rest.length() < 2 || !rest.startsWith("'") || !rest.endsWith("'")) {
                throw new IllegalArgumentException(
                        "the default of the policy variable in '" + text + "' must be in single quotes");
            }
            fallback = rest.substring(1, rest.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("'${" + body + "}' in '" + text + "' is not a policy variable");
        }
        return new Variable(key, fallback);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            parts.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }

    String source() {
        return source;
    }

    List<Part> parts() {
        return parts;
    }

    Set<String> variableKeys() {
        Set<String> keys = new LinkedHashSet<>();
        parts.stream().filter(Variable.class::isInstance).forEach(p -> keys.add(((Variable) p).key()));
        return keys;
    }

    boolean hasVariables() {
        return parts.stream().anyMatch(Variable.class::isInstance);
    }

    /**
     * The parts with each variable replaced by its value as literal text (a value is never a wildcard); empty
     * when a variable cannot be resolved: its key is absent with no default, or has several values.
     */
    Optional<List<Part>> resolve(Context context) {
        if (!hasVariables()) {
            return Optional.of(parts);
        }
        List<Part> resolved = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text text) {
                literal.append(text.text());
            } else if (part instanceof Variable variable) {
                List<String> values = context.values(variable.key());
                String value = values == null || values.isEmpty()
                        ? variable.fallback()
                        : values.size() == 1 ? values.get(0) : null;
                if (value == null) {
                    return Optional.empty();
                }
                literal.append(value);
            } else {
                flush(literal, resolved);
                resolved.add(part);
            }
        }
        flush(literal, resolved);
        return Optional.of(resolved);
    }

    /** The parts as text, wildcards written as themselves (what exact comparisons compare). */
    static String text(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Variable v) {
                out.append("${").append(v.key()).append('}');
            } else {
                out.append(part instanceof Star ? '*' : '?');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
