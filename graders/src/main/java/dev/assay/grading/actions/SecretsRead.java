package dev.assay.grading.actions;

import java.util.LinkedHashSet;
import java.util.Set;

/** The secrets a value's expressions read ({@code secrets.name}, lower-cased). */
final class SecretsRead {
    private SecretsRead() {}

    static Set<String> of(String text) {
        Set<String> read = new LinkedHashSet<>();
        for (Templates.Expression expression : Templates.of(text)) {
            if (expression.parsed().isEmpty()
                    && expression.text().toLowerCase(java.util.Locale.ROOT).contains("secrets")) {
                read.add("secrets.(unparsed)");
            }
            expression
                    .parsed()
                    .ifPresent(e -> Flow.reads(e).forEach(p -> {
                        if (p.segments().get(0).equals("secrets")) {
                            read.add(
                                    p.segments().size() > 1
                                            ? "secrets." + p.segments().get(1)
                                            : "secrets");
                        }
                    }));
        }
        return read;
    }
}
