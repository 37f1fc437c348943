package dev.assay.service.environment;

import java.util.List;

/**
 * One connection to an interactive terminal in an environment: a TTY exec whose output goes to a {@link Listener}
 * as it comes. Closing it ends this connection only; a shell kept in tmux inside the lab outlives it, so a browser
 * that reconnects finds its work where it left it. Neither Docker nor Kubernetes ends the exec's own process when
 * the connection closes: the caller does (the lab terminal hangs up the pid its command announced).
 */
public interface Terminal extends AutoCloseable {

    /** What to run and the window's size. */
    record Request(List<String> command, int columns, int rows) {
        public Request {
            command = List.copyOf(command);
            if (columns < 1 || rows < 1 || columns > 1000 || rows > 1000) {
                throw new IllegalArgumentException(
                        "a terminal is 1 to 1000 columns and rows, not " + columns + "x" + rows);
            }
        }
    }

    /** Receives the terminal's output, on a thread of the driver's. */
    interface Listener {
        void output(byte[] bytes);

        /** The exec ended (the shell exited, the environment went away, or {@link #close} was called). */
        void closed(String why);
    }

    /** Keystrokes (or pasted text) to the terminal's input. */
    void write(byte[] input);

    /** The window's new size; it may reach the TTY after input written later (Kubernetes sends it apart). */
    void resize(int columns, int rows);

    @Override
    void close();
}
