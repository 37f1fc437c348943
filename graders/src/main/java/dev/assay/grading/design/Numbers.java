package dev.assay.grading.design;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** How the design checks print their arithmetic: plain numbers, money, percentages and durations. */
final class Numbers {
    private Numbers() {}

    /** Up to six decimals, trailing zeros dropped: 1500, 0.096, 1.25. */
    static String fmt(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Dollars with cents and thousands separators: $12,345.67. */
    static String money(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** A probability as a percentage with enough nines to compare against an SLO: 99.976305 %. */
    static String percent(double probability) {
        return new BigDecimal(probability * 100)
                        .setScale(6, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " %";
    }

    /** 1h 30m, 45m, 2m 30s, 0s. */
    static String duration(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(text.isEmpty() ? "" : " ")
                        .append(seconds / units[i])
                        .append(names[i]);
                seconds %= units[i];
            }
        }
        return text.toString();
    }

    static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
