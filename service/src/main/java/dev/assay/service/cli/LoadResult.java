package dev.assay.service.cli;

import java.util.Locale;

/** What a load run measured: requests answered, those not 200, over how long, and two latency percentiles. */
record LoadResult(long requests, long errors, double seconds, double p50Millis, double p99Millis, String tool) {

    double perSecond() {
        return requests / seconds;
    }

    /**
     * Reads wrk's output ({@code wrk --latency}): {@code Requests/sec}, the latency distribution's 50% and 99%
     * lines, the request count and {@code Non-2xx or 3xx responses} and socket errors as errors.
     */
    static LoadResult ofWrk(String output) {
        long requests = -1;
        double seconds = -1;
        double p50 = -1;
        double p99 = -1;
        long errors = 0;
        for (String raw : output.lines().toList()) {
            String line = raw.trim();
            if (line.matches("\\d+ requests in [0-9.]+\\w+,.*")) {
                String[] words = line.split("\\s+");
                requests = Long.parseLong(words[0]);
                seconds = millis(words[3].replace(",", "")) / 1000;
            } else if (line.startsWith("50%")) {
                p50 = millis(line.split("\\s+")[1]);
            } else if (line.startsWith("99%")) {
                p99 = millis(line.split("\\s+")[1]);
            } else if (line.startsWith("Non-2xx or 3xx responses:")) {
                errors += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("Socket errors:")) {
                for (String part : line.substring("Socket errors:".length()).split(",")) {
                    errors += Long.parseLong(part.replaceAll("\\D", ""));
                }
            }
        }
        if (requests < 0 || seconds <= 0 || p50 < 0 || p99 < 0) {
            throw new IllegalArgumentException("wrk's output lacks its totals or latency distribution:\n" + output);
        }
        return new LoadResult(requests, errors, seconds, p50, p99, "wrk");
    }

    /** wrk's durations: {@code 850.00us}, {@code 2.10ms}, {@code 1.20s}, {@code 1.00m}. */
    static double millis(String duration) {
        String number = duration.replaceAll("[a-z]+$", "");
        double value = Double.parseDouble(number);
        return switch (duration.substring(number.length()).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> throw new IllegalArgumentException("wrk gave a duration I do not know: " + duration);
        };
    }
}
