package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.Terminal;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/** A TTY exec in the workbench container through the API server, its output passed on as it comes. */
final class PodTerminal implements Terminal {
    private final ExecWatch watch;

    private PodTerminal(ExecWatch watch) {
        this.watch = watch;
    }

    static Terminal open(ContainerResource container, Terminal.Request request, Terminal.Listener listener) {
        AtomicBoolean ended = new AtomicBoolean();
        ExecWatch watch = container
                .redirectingInput()
                .writingOutput(new OutputStream() {
                    @Override
                    public void write(int b) {
                        listener.output(new byte[] {(byte) b});
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        listener.output(Arrays.copyOfRange(bytes, offset, offset + length));
                    }
                })
                .withTTY()
                .usingListener(new ExecListener() {
                    @Override
                    public void onFailure(Throwable t, Response failureResponse) {
                        if (ended.compareAndSet(false, true)) {
                            listener.closed("the terminal failed: " + t.getMessage());
                        }
                    }

                    @Override
                    public void onClose(int code, String reason) {
                        if (ended.compareAndSet(false, true)) {
                            listener.closed("the terminal ended");
                        }
                    }
                })
                .exec(request.command().toArray(String[]::new));
        PodTerminal terminal = new PodTerminal(watch);
        terminal.resize(request.columns(), request.rows());
        return terminal;
    }

    @Override
    public void write(byte[] input) {
        try {
            OutputStream in = watch.getInput();
            if (in == null) {
                throw new EnvironmentException("the terminal takes no input");
            }
            in.write(input);
            in.flush();
        } catch (IOException e) {
            throw new EnvironmentException("the terminal is closed: " + e.getMessage(), e);
        }
    }

    @Override
    public void resize(int columns, int rows) {
        watch.resize(columns, rows);
    }

    @Override
    public void close() {
        watch.close();
    }
}
