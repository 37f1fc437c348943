package dev.assay.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parameters a grader accepts: names, types, which are required, allowed values, and rules across
 * parameters. {@link #check} lists every problem at once, each naming its parameter and how to fix it.
 */
public final class ParameterSpec {

    /** The value types YAML parameters may take. */
    public enum Type {
        STRING("a string"),
        REGEX("a regular expression"),
        INTEGER("a whole number"),
        NUMBER("a number"),
        BOOLEAN("true or false"),
        DURATION("a duration such as 500ms, 10s or 2m"),
        STRING_LIST("a list of strings"),
        STRING_MAP("a map of strings to strings"),
        TABLE("a list of maps, one per row");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One parameter: its type, whether it is required, and the values it may take (empty: any). */
    public record Parameter(String name, Type type, boolean required, Set<String> allowed, String help) {}

    /** A problem with one parameter of one check. */
    public record Problem(String parameter, String message) {}

    private static final Pattern DURATION = Pattern.compile("\\d+(ms|s|m|h)");

    private final Map<String, Parameter> parameters;
    private final List<Function<Map<String, Object>, List<Problem>>> rules;

    private ParameterSpec(Map<String, Parameter> parameters, List<Function<Map<String, Object>, List<Problem>>> rules) {
        this.parameters = parameters;
        this.rules = rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** Every problem with these values; empty when the grader accepts them. */
    public List<Problem> check(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        for (String name : new TreeSet<>(values.keySet())) {
            if (!parameters.containsKey(name)) {
                problems.add(new Problem(name, "unknown parameter; this grader takes " + parameters.keySet()));
            }
        }
        for (Parameter parameter : parameters.values()) {
            Object value = values.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    problems.add(new Problem(parameter.name(), "required: " + parameter.help()));
                }
                continue;
            }
            String typeProblem = typeProblem(parameter, value);
            if (typeProblem != null) {
                problems.add(new Problem(parameter.name(), typeProblem));
            }
        }
        if (problems.isEmpty()) {
            for (Function<Map<String, Object>, List<Problem>> rule : rules) {
                problems.addAll(rule.apply(values));
            }
        }
        return problems;
    }

    private static @org.jspecify.annotations.Nullable String typeProblem(Parameter parameter, Object value) {
        boolean ok = switch (parameter.type()) {
            case STRING -> value instanceof String;
            case REGEX -> value instanceof String regex && compiles(regex);
            case INTEGER -> value instanceof Integer || value instanceof Long;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DURATION ->
                value instanceof String text && DURATION.matcher(text).matches();
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case TABLE ->
                value instanceof List<?> rows
                        && rows.stream()
                                .allMatch(row -> row instanceof Map<?, ?> map
                                        && map.keySet().stream().allMatch(String.class::isInstance));
            case STRING_MAP ->
                value instanceof Map<?, ?> map
                        && map.keySet().stream().allMatch(String.class::isInstance)
                        && map.values().stream().allMatch(String.class::isInstance);
        };
        if (!ok) {
            String got = value instanceof String s
                    ? "'" + s + "'"
                    : value instanceof Number n && parameter.type() == Type.STRING
                            ? "the number " + n + " (quote it to make it text, e.g. \"0644\")"
                            : value.getClass().getSimpleName();
            return "must be " + parameter.type().description() + ", got " + got;
        }
        if (!parameter.allowed().isEmpty() && !parameter.allowed().contains(String.valueOf(value))) {
            return "'" + value + "' is not one of " + parameter.allowed();
        }
        return null;
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Builds a spec; parameters keep the order they are declared in (documentation lists them so). */
    public static final class Builder {
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();
        private final List<Function<Map<String, Object>, List<Problem>>> rules = new ArrayList<>();

        public Builder required(String name, Type type, String help) {
            return add(new Parameter(name, type, true, Set.of(), help));
        }

        public Builder optional(String name, Type type, String help) {
            return add(new Parameter(name, type, false, Set.of(), help));
        }

        public Builder oneOf(String name, boolean required, Set<String> allowed, String help) {
            return add(new Parameter(name, Type.STRING, required, Set.copyOf(allowed), help));
        }

        /** A rule across parameters, applied only when every parameter is well-typed. */
        public Builder rule(Function<Map<String, Object>, List<Problem>> rule) {
            rules.add(Objects.requireNonNull(rule));
            return this;
        }

        /** Exactly one of these parameters must be given. */
        public Builder exactlyOneOf(String... names) {
            return rule(values -> {
                long given = java.util.Arrays.stream(names)
                        .filter(values::containsKey)
                        .count();
                return given == 1
                        ? List.of()
                        : List.of(new Problem(String.join("|", names), "give exactly one of " + List.of(names)));
            });
        }

        private Builder add(Parameter parameter) {
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter " + parameter.name() + " declared twice");
            }
            return this;
        }

        public ParameterSpec build() {
            return new ParameterSpec(Map.copyOf(parameters), List.copyOf(rules));
        }
    }
}
