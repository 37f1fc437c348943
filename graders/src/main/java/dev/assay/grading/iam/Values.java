package dev.assay.grading.iam;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The typed values condition operators compare, parsed strictly; empty means "not a value of this type". Policy
 * values that are not are refused when the policy is read; request values that are not make the comparison
 * undecided, never true.
 */
final class Values {
    /** The W3C profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, then hh:mm, hh:mm:ss, hh:mm:ss.s with a zone). */
    private static final Pattern W3C_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
            + "(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private Values() {}

    /**
     * A date in one of the W3C ISO 8601 forms AWS documents, or epoch seconds. Four digits alone are a year (the
     * W3C form), not 1970 plus some minutes. Dates without a time are the start of that day, UTC.
     */
    static Optional<Instant> instant(String text) {
        Matcher w3c = W3C_DATE.matcher(text);
        if (w3c.matches()) {
            return w3cDate(w3c);
        }
        if (EPOCH.matcher(text).matches()) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        return Optional.empty();
    }

    private static Optional<Instant> w3cDate(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), number(m.group(2), 1), number(m.group(3), 1));
            if (m.group(4) == null) {
                return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalTime time = LocalTime.of(
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), number(m.group(6), 0), nanos);
            ZoneOffset zone = m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            return Optional.of(OffsetDateTime.of(date, time, zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(@Nullable String group, int fallback) {
        return group == null ? fallback : Integer.parseInt(group);
    }

    /** An integer or decimal, as the numeric operators take them (no exponent, no sign but minus). */
    static Optional<BigDecimal> decimal(String text) {
        return DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** "true" or "false", in any case. */
    static Optional<Boolean> bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? Optional.of(lower.equals("true")) : Optional.empty();
    }

    /** Base-64 text decoded, as BinaryEquals compares it byte for byte. */
    static Optional<byte[]> binary(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
