package dev.assay.service.environment.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.Terminal;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TTY exec attached over the engine's hijacked connection: keystrokes are queued into the exec's stdin,
 * output frames go to the listener as they arrive. Closing closes stdin and the connection only: the engine
 * neither ends the exec's process nor hangs up its TTY, so whoever opened the terminal ends the process.
 */
final class DockerTerminal implements Terminal {
    /** Queued keystroke messages (each at most a pasted 64 KiB): far more than a lab that is reading needs. */
    private static final int QUEUED = 1024;

    private final DockerClient api;
    private final String execId;
    private final TerminalInput stdin;
    private final ResultCallback.Adapter<Frame> attached;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DockerTerminal(
            DockerClient api, String execId, TerminalInput stdin, ResultCallback.Adapter<Frame> attached) {
        this.api = api;
        this.execId = execId;
        this.stdin = stdin;
        this.attached = attached;
    }

    static DockerTerminal open(DockerClient api, String containerId, Request request, Listener listener) {
        String execId = api.execCreateCmd(containerId)
                .withCmd(request.command().toArray(String[]::new))
                .withTty(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withEnv(java.util.List.of(
                        "TERM=xterm-256color", "COLUMNS=" + request.columns(), "LINES=" + request.rows()))
                .exec()
                .getId();
        TerminalInput stdin = new TerminalInput(QUEUED);
        ResultCallback.Adapter<Frame> attached = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                listener.output(frame.getPayload());
            }

            @Override
            public void onError(Throwable error) {
                listener.closed("the terminal connection broke: " + error.getMessage());
            }

            @Override
            public void onComplete() {
                listener.closed("the terminal ended");
            }
        };
        api.execStartCmd(execId)
                .withTty(true)
                .withDetach(false)
                .withStdIn(stdin)
                .exec(attached);
        DockerTerminal terminal = new DockerTerminal(api, execId, stdin, attached);
        terminal.resize(request.columns(), request.rows());
        return terminal;
    }

    @Override
    public void write(byte[] input) {
        if (closed.get()) {
            return;
        }
        if (!stdin.offer(input)) {
            throw new EnvironmentException("the terminal is not taking input (the lab stopped reading it)");
        }
    }

    @Override
    public void resize(int columns, int rows) {
        if (closed.get()) {
            return;
        }
        try {
            api.resizeExecCmd(execId).withSize(rows, columns).exec();
        } catch (RuntimeException e) {
            // The exec may not have started yet or may have just ended; the next resize corrects the size.
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stdin.close();
        try {
            attached.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }
}
