package dev.assay.service.environment;

import java.time.Duration;
import java.util.List;

/** A command to run in an environment, with its deadline and how much output to keep. */
public record ExecRequest(List<String> command, Duration timeout, int maxOutputBytes) {
    public ExecRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an exec needs a command");
        }
    }

    public static ExecRequest shell(String script, Duration timeout) {
        return new ExecRequest(List.of("sh", "-c", script), timeout, 1 << 20);
    }
}
