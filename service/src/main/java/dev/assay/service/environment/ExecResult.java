package dev.assay.service.environment;

import java.time.Duration;

/**
 * What a command did. {@code exitCode} is -1 when it did not finish by its deadline ({@code timedOut}) or was
 * cut off for writing more than the request's output cap ({@code truncated}); {@code outputBytes} counts what was
 * received before that.
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
