package dev.assay.service.environment;

import java.time.Duration;

/**
 * What a command did. {@code exitCode} is -1 when it did not finish by its deadline ({@code timedOut}).
 * Output beyond the request's cap is dropped and {@code truncated} says so; {@code outputBytes} counts all.
 */
public record ExecResult(
        int exitCode,
        String stdout,
        String stderr,
        boolean truncated,
        long outputBytes,
        boolean timedOut,
        Duration took) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
