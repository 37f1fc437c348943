package dev.assay.grading.iam;

import dev.assay.grading.iam.Operator.Family;
import dev.assay.grading.iam.Operator.Qualifier;
import dev.assay.grading.iam.Template.Part;
import dev.assay.grading.iam.Template.Text;
import dev.assay.grading.iam.Template.Variable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a sweep gives each condition key it varies: absent, then the values that tell the policy's
 * comparisons on that key apart, keeping one value per distinct set of outcomes, and only values of the key's
 * type (a key compared as an address is only ever an address, as in a real request).
 */
final class SweepValues {
    static final String SAMPLE = "assay-sample";

    private final List<Statement> statements;
    private final Map<String, List<String>> pinnedValues;
    private final Context pinned;
    private final String resource;

    SweepValues(List<Statement> statements, Map<String, List<String>> pinnedValues, String resource) {
        this.statements = statements;
        this.pinnedValues = pinnedValues;
        this.pinned = new Context(pinnedValues);
        this.resource = resource;
    }

    /** Every key the statements mention and {@code pinnedKeys} (lower case) does not hold, to its domain. */
    Map<String, List<Optional<List<String>>>> domains(Set<String> pinnedKeys) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Statement s : statements) {
            s.resources().forEach(r -> r.variableKeys().forEach(k -> keys.putIfAbsent(lower(k), k)));
            for (ConditionTest test : s.conditions()) {
                keys.putIfAbsent(lower(test.key()), test.key());
                test.values().forEach(v -> v.variableKeys().forEach(k -> keys.putIfAbsent(lower(k), k)));
            }
        }
        pinnedKeys.forEach(keys::remove);
        Map<String, List<Optional<List<String>>>> domains = new LinkedHashMap<>();
        keys.forEach((lower, key) -> domains.put(key, domain(key, keys.keySet())));
        return domains;
    }

    private List<Optional<List<String>>> domain(String key, Set<String> varied) {
        List<ConditionTest> tests = new ArrayList<>();
        statements.forEach(s -> s.conditions().stream()
                .filter(t -> lower(t.key()).equals(lower(key)))
                .forEach(tests::add));
        Set<Family> families = EnumSet.noneOf(Family.class);
        tests.forEach(t -> families.add(t.operator().base().family()));
        families.addAll(Candidates.documentedTypes(key));
        Set<String> singles = new LinkedHashSet<>();
        for (ConditionTest test : tests) {
            for (Template value : test.values()) {
                singles.addAll(Candidates.of(test.operator(), fill(value), families.contains(Family.NUMERIC)));
            }
        }
        boolean isVariable = isVariable(key);
        if (isVariable) {
            singles.add(SAMPLE);
            singles.addAll(captures(key));
        }
        singles.addAll(Candidates.generic(families));
        singles.removeIf(v -> !Candidates.validFor(families, v));
        List<String> kept =
                dependsOnVaried(tests, varied) || isVariable ? List.copyOf(singles) : distinct(singles, tests);
        List<Optional<List<String>>> domain = new ArrayList<>();
        domain.add(Optional.empty());
        kept.forEach(v -> domain.add(Optional.of(List.of(v))));
        if (tests.stream().anyMatch(t -> t.operator().qualifier() != Qualifier.NONE)) {
            domain.add(Optional.of(List.of()));
            for (int i = 0; i < kept.size(); i++) {
                for (int j = i + 1; j < kept.size(); j++) {
                    domain.add(Optional.of(List.of(kept.get(i), kept.get(j))));
                }
            }
            if (kept.size() > 2) {
                domain.add(Optional.of(kept));
            }
        }
        return domain;
    }

    /** One value per distinct outcome of the key's tests (values alike for every test are alike for the policy). */
    private List<String> distinct(Set<String> values, List<ConditionTest> tests) {
        Map<List<Truth>, String> bySignature = new LinkedHashMap<>();
        for (String value : values) {
            Map<String, List<String>> merged = new LinkedHashMap<>(pinnedValues);
            merged.put(tests.isEmpty() ? "" : tests.get(0).key(), List.of(value));
            Context context = new Context(merged);
            List<Truth> signature = new ArrayList<>();
            for (ConditionTest test : tests) {
                signature.add(truth(test, context));
            }
            bySignature.putIfAbsent(signature, value);
        }
        return List.copyOf(bySignature.values());
    }

    private Truth truth(ConditionTest test, Context context) {
        List<List<Part>> resolved = new ArrayList<>();
        for (Template value : test.values()) {
            Optional<List<Part>> parts = value.resolve(context);
            if (parts.isEmpty()) {
                return Truth.UNKNOWN;
            }
            resolved.add(parts.get());
        }
        return Conditions.evaluate(test, resolved, context, new ArrayList<>());
    }

    private static boolean dependsOnVaried(List<ConditionTest> tests, Set<String> varied) {
        return tests.stream()
                .flatMap(t -> t.values().stream())
                .flatMap(v -> v.variableKeys().stream())
                .anyMatch(k -> varied.contains(lower(k)));
    }

    private boolean isVariable(String key) {
        return statements.stream()
                .anyMatch(s -> s.resources().stream()
                                .anyMatch(r -> r.variableKeys().stream().anyMatch(k -> lower(k).equals(lower(key))))
                        || s.conditions().stream()
                                .flatMap(t -> t.values().stream())
                                .anyMatch(v -> v.variableKeys().stream().anyMatch(k -> lower(k).equals(lower(key)))));
    }

    /** A policy value as text a request could carry: pinned variables resolved, others a sample value. */
    private String fill(Template value) {
        StringBuilder out = new StringBuilder();
        for (Part part : value.parts()) {
            if (part instanceof Variable variable) {
                List<String> values = pinned.values(variable.key());
                out.append(values != null && values.size() == 1 ? values.get(0) : SAMPLE);
            } else {
                out.append(Template.text(List.of(part)));
            }
        }
        return out.toString();
    }

    /** What the request's resource holds where a Resource pattern has this key's variable (home/${aws:username}/). */
    private Set<String> captures(String key) {
        Set<String> values = new LinkedHashSet<>();
        for (Statement s : statements) {
            for (Template r : s.resources()) {
                List<Part> parts = r.parts();
                for (int i = 0; i < parts.size(); i++) {
                    if (parts.get(i) instanceof Variable v && lower(v.key()).equals(lower(key))) {
                        String before = i > 0 && parts.get(i - 1) instanceof Text t ? t.text() : "";
                        String after = i + 1 < parts.size() && parts.get(i + 1) instanceof Text t ? t.text() : "";
                        values.addAll(between(before, after));
                    }
                }
            }
        }
        return values;
    }

    private Set<String> between(String before, String after) {
        Set<String> found = new LinkedHashSet<>();
        int from = resource.indexOf(before);
        while (from >= 0 && found.size() < 8) {
            int start = from + before.length();
            int end = after.isEmpty() ? resource.length() : resource.indexOf(after, start);
            if (end >= start) {
                found.add(resource.substring(start, end));
            }
            from = before.isEmpty() ? -1 : resource.indexOf(before, from + 1);
        }
        return found;
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
