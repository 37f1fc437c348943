package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers the built-in graders share: excerpts, parameters with defaults, durations. */
final class Text {
    /** How much of an output or file is quoted in an observation. */
    static final int EXCERPT = 400;

    private Text() {}

    static String excerpt(String text) {
        String flat = text.strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "... (" + flat.length() + " chars)";
    }

    static String string(Map<String, Object> parameters, String name, String fallback) {
        Object value = parameters.get(name);
        return value == null ? fallback : String.valueOf(value);
    }

    static long number(Map<String, Object> parameters, String name, long fallback) {
        return parameters.get(name) instanceof Number number ? number.longValue() : fallback;
    }

    static boolean flag(Map<String, Object> parameters, String name, boolean fallback) {
        return parameters.get(name) instanceof Boolean value ? value : fallback;
    }

    /**
     * Reads a candidate's file through the archive API (at most {@link FileGrader#MAX_BYTES}) and records it as
     * evidence; when there is no regular file, records the failed expectation and returns null.
     */
    static FileResult.@Nullable Content candidateFile(LabView lab, String path, CheckResult.Builder check) {
        FileResult read = lab.readFile(path, FileGrader.MAX_BYTES);
        if (read instanceof FileResult.Content content) {
            check.evidence(new Evidence("file", path, content.sha256(), content.size()));
            return content;
        }
        check.expect(
                false,
                path
                        + (read instanceof FileResult.Refused refused
                                ? " is not a regular file (" + refused.reason() + ")"
                                : " does not exist"));
        return null;
    }

    /** Parses the durations ParameterSpec accepts: 500ms, 10s, 2m, 1h. */
    static Duration duration(String text) {
        long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
        return switch (text.replaceAll("^\\d+", "")) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
