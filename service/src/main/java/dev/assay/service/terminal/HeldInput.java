package dev.assay.service.terminal;

import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A terminal's input, held back until its process has announced itself: the TTY echoes keystrokes at once, so
 * input typed before the announcement would be printed ahead of it and the announcement lost. Once it is in (or
 * known never to come), what was held goes in first, in order, and the rest straight through.
 */
final class HeldInput {
    /** More than a browser sends in the moment a terminal takes to start. */
    private static final int MOST_HELD = 1 << 20;

    private final Terminal terminal;
    private final List<byte[]> held = new ArrayList<>();
    private int heldBytes;
    private boolean flowing;

    HeldInput(Terminal terminal, CompletableFuture<?> announced) {
        this.terminal = terminal;
        var unused = announced.whenComplete((process, failure) -> release());
    }

    synchronized void write(byte[] input) {
        if (flowing) {
            terminal.write(input);
            return;
        }
        if (heldBytes + input.length > MOST_HELD) {
            throw new EnvironmentException("the terminal has not started taking input");
        }
        held.add(input);
        heldBytes += input.length;
    }

    private synchronized void release() {
        flowing = true;
        try {
            held.forEach(terminal::write);
        } catch (EnvironmentException e) {
            // the terminal is gone; the next keystroke finds that out
        }
        held.clear();
    }
}
