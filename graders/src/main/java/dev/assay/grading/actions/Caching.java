package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The caching rule: dependencies are cached, by actions/cache (or its restore half) or a setup action's own cache;
 * with {@code cacheKey} (a file such as {@code package-lock.json}) every actions/cache key must hash that file
 * ({@code hashFiles} with a pattern matching it), and a setup action's cache must depend on it.
 */
final class Caching {
    private Caching() {}

    static List<String> findings(List<Step> steps, @Nullable String keyFile) {
        List<String> findings = new ArrayList<>();
        int caches = 0;
        for (Step step : steps) {
            String name = Actions.name(step.uses());
            JsonNode with = step.node().path("with");
            if (name.equals("actions/cache") || name.equals("actions/cache/restore")) {
                caches++;
                if (keyFile != null && !hashes(with.path("key").asText(""), keyFile)) {
                    findings.add(step.where() + ": its key " + with.path("key").asText("(none)") + " does not hash "
                            + keyFile + ", so the cache is not refreshed when it changes");
                }
            } else if (setupCache(name, with)) {
                caches++;
                JsonNode path = with.path("cache-dependency-path");
                if (keyFile != null
                        && path.isValueNode()
                        && !path.asText().isBlank()
                        && patterns(path.asText()).stream().noneMatch(p -> Glob.file(p, keyFile))) {
                    findings.add(step.where() + ": its cache depends on " + path.asText() + ", not " + keyFile);
                }
            }
        }
        if (caches == 0) {
            findings.add("nothing is cached (no actions/cache, no setup action with cache:)");
        }
        return findings;
    }

    private static boolean setupCache(String name, JsonNode with) {
        if (!name.startsWith("actions/setup-")) {
            return false;
        }
        JsonNode cache = with.path("cache");
        if (name.equals("actions/setup-go")) {
            return !cache.asText("true").equals("false");
        }
        return cache.isValueNode()
                && !cache.asText().isBlank()
                && !cache.asText().equals("false");
    }

    /** Whether a cache key has a hashFiles call with a pattern that matches the file. */
    private static boolean hashes(String key, String file) {
        for (Templates.Expression expression : Templates.of(key)) {
            if (expression.parsed().isEmpty()) {
                continue;
            }
            for (List<String> args : Flow.literalArgs(expression.parsed().get(), "hashfiles")) {
                if (args.stream().anyMatch(a -> Glob.file(a, file))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> patterns(String text) {
        List<String> patterns = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank()) {
                patterns.add(line.strip());
            }
        }
        return patterns;
    }
}
