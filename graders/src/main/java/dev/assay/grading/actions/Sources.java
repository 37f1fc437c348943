package dev.assay.grading.actions;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The secret and untrusted sources of a value with expressions, following {@code env.X} and {@code inputs.X}. */
final class Sources {
    private Sources() {}

    static Set<Source> of(
            String value, Map<String, Set<Source>> env, Map<String, Set<Source>> inputs, boolean composite) {
        Set<Source> sources = new LinkedHashSet<>();
        for (Templates.Expression expression : Templates.of(value)) {
            sources.addAll(of(expression, env, inputs, composite));
        }
        return sources;
    }

    static Set<Source> of(
            Templates.Expression expression,
            Map<String, Set<Source>> env,
            Map<String, Set<Source>> inputs,
            boolean composite) {
        Set<Source> sources = new LinkedHashSet<>();
        for (Expr.Path path : Templates.valuePaths(expression)) {
            sources.addAll(of(path, env, inputs, composite));
        }
        return sources;
    }

    private static Set<Source> of(
            Expr.Path path, Map<String, Set<Source>> env, Map<String, Set<Source>> inputs, boolean composite) {
        var s = path.segments();
        if (s.get(0).equals("env") && s.size() > 1) {
            return named(env, s.get(1));
        }
        if (composite && s.get(0).equals("inputs") && s.size() > 1) {
            return named(inputs, s.get(1));
        }
        Source source = Source.of(path);
        return source == null ? Set.of() : Set.of(source);
    }

    /** Env and input names are case-insensitive in expressions. */
    private static Set<Source> named(Map<String, Set<Source>> map, String name) {
        Set<Source> found = new LinkedHashSet<>();
        map.forEach((key, sources) -> {
            if (key.equalsIgnoreCase(name)) {
                found.addAll(sources);
            }
        });
        return found;
    }
}
