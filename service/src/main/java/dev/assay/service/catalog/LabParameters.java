package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab's {@code parameters:}: named values drawn per session so that a posted walkthrough does not answer the next
 * candidate's lab. Each parameter has a kind, a {@code default} (the value when no seed is given: previews, the
 * self-test without a seed, assessments made before variants) and, for {@code derived}, a template over other
 * parameters. Parameters are in dependency order: a derived one comes after every parameter it names.
 */
public record LabParameters(List<Parameter> parameters) {
    public static final LabParameters NONE = new LabParameters(List.of());

    /** {@code {{name}}} in a template, a check's {@code with:} or the instructions. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*\\}\\}");

    /** The instructions' own variables: no parameter may take their names. */
    static final Set<String> RESERVED = Set.of("candidate", "timeLimit", "hosts", "kubeconfig");

    /** The kinds of value a parameter can be. */
    public enum Kind {
        CHOICE,
        INT,
        WORD,
        HEX,
        BASE32,
        DERIVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One parameter. {@code options} for choice and word; {@code min}/{@code max} for int; {@code length} for hex and
     * base32; {@code template} for derived.
     */
    public record Parameter(
            String name,
            Kind kind,
            List<String> options,
            long min,
            long max,
            int length,
            String template,
            String fallback) {
        public Parameter {
            options = List.copyOf(options);
        }

        /** The environment variable setup scripts and the self-test's scripts read it from. */
        public String variable() {
            return "ASSAY_P_" + name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    public LabParameters {
        parameters = List.copyOf(parameters);
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Every parameter's default, derived ones filled in from the others' defaults. */
    public Map<String, String> defaults() {
        return resolve(Parameter::fallback);
    }

    /**
     * The values, each drawn by {@code draw} except derived ones, which are filled in from the values before them.
     */
    public Map<String, String> resolve(Function<Parameter, String> draw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(
                    parameter.name(),
                    parameter.kind() == Kind.DERIVED ? fill(parameter.template(), values) : draw.apply(parameter));
        }
        return values;
    }

    /** {@code text} with every {@code {{name}}} of {@code values} replaced; other text as it is. */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A check's {@code with:} with the values in: every text's {@code {{name}}} replaced, in lists and maps too (the
     * keys of nested maps included; the top level's keys name the grader's parameters and stay as they are). A
     * text that is exactly one int parameter's placeholder becomes that number, so {@code port: "{{port}}"} reaches
     * the grader as a number.
     */
    public Map<String, Object> substitute(Map<String, Object> with, Map<String, String> values) {
        if (parameters.isEmpty()) {
            return with;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        with.forEach((key, value) -> out.put(key, substituteValue(value, values)));
        return out;
    }

    private @org.jspecify.annotations.Nullable Object substituteValue(
            @org.jspecify.annotations.Nullable Object value, Map<String, String> values) {
        if (value instanceof String text) {
            Matcher whole = PLACEHOLDER.matcher(text);
            if (whole.matches() && isInt(whole.group(1)) && values.containsKey(whole.group(1))) {
                return Long.parseLong(values.get(whole.group(1)));
            }
            return fill(text, values);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(substituteValue(item, values)));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> items = new LinkedHashMap<>();
            // a nested map's keys are data too (a file's path, a header's name); the top level's are the grader's
            map.forEach((k, v) -> items.put(fill(String.valueOf(k), values), substituteValue(v, values)));
            return items;
        }
        return value;
    }

    private boolean isInt(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name) && p.kind() == Kind.INT);
    }

    /**
     * The lines that set every value as a shell variable of a script's own shell, not exported: the script reads
     * {@code $ASSAY_P_<NAME>}, and no process it starts inherits them. Put before the script.
     */
    public String shellPrologue(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : parameters) {
            String value = values.get(parameter.name());
            if (value != null) {
                out.append(parameter.variable())
                        .append("='")
                        .append(value.replace("'", "'\\''"))
                        .append("'\n");
            }
        }
        return out.toString();
    }
}
