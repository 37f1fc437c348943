package dev.assay.grading;

import java.time.Duration;

/**
 * What a command did. {@code exitCode} is -1 when it did not finish by its deadline ({@code timedOut}) or was
 * cut off for writing more than the output cap ({@code truncated}).
 */
public record CommandResult(
        int exitCode, String stdout, String stderr, boolean truncated, boolean timedOut, Duration took) {}
