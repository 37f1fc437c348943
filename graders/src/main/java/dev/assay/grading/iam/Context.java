package dev.assay.grading.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The request context: condition keys (case-insensitive, as in IAM) to their values. */
final class Context {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Context(Map<String, List<String>> entries) {
        entries.forEach((key, list) -> values.put(key.toLowerCase(Locale.ROOT), List.copyOf(list)));
    }

    /** The key's values; null when the request does not carry the key. */
    @Nullable
    List<String> values(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /** Absent, or present with no value: what Null, ...IfExists and the set qualifiers treat as missing. */
    boolean missing(String key) {
        List<String> list = values(key);
        return list == null || list.isEmpty();
    }
}
