package dev.assay.service.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the small value languages lab files use: durations (90s, 45m, 1h30m) and sizes (512Mi, 2Gi). */
final class Values {
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m(?!s))?(?:(\\d{1,6})s)?(?:(\\d{1,6})ms)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})(Ki|Mi|Gi)");

    private Values() {}

    static Optional<Duration> duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (text.isBlank() || !matcher.matches()) {
            return Optional.empty();
        }
        Duration duration = Duration.ofHours(group(matcher, 1))
                .plusMinutes(group(matcher, 2))
                .plusSeconds(group(matcher, 3))
                .plusMillis(group(matcher, 4));
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    static Optional<Long> size(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int shift = switch (matcher.group(2)) {
            case "Ki" -> 10;
            case "Mi" -> 20;
            default -> 30;
        };
        return Optional.of(Long.parseLong(matcher.group(1)) << shift);
    }

    private static long group(Matcher matcher, int group) {
        String value = matcher.group(group);
        return value == null ? 0 : Long.parseLong(value);
    }
}
