package dev.assay.service.environment.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One exec with a deadline and an output cap. The caller's thread waits at most the deadline. Once the output
 * passes the cap the stream is closed at once (the command gets SIGPIPE on its next write), so a gigabyte of
 * output costs no more than the cap; the result is then truncated with exit code -1. A command still running at
 * its deadline is abandoned the same way; it stays bounded by the container's pids and CPU limits and dies with
 * the container.
 */
final class BoundedExec {
    private BoundedExec() {}

    static ExecResult run(DockerClient api, DockerClient streams, String containerId, ExecRequest request)
            throws InterruptedException {
        long started = System.nanoTime();
        String execId = api.execCreateCmd(containerId)
                .withCmd(request.command().toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(false)
                .exec()
                .getId();
        Capture capture = new Capture(request.maxOutputBytes());
        streams.execStartCmd(execId).exec(capture);
        boolean completed = capture.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        boolean finished = completed && !capture.truncated();
        try {
            capture.close();
        } catch (IOException e) {
            // the stream is being abandoned either way; nothing more to read from it
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int exitCode = -1;
        if (finished) {
            Long code = api.inspectExecCmd(execId).exec().getExitCodeLong();
            exitCode = code == null ? -1 : code.intValue();
        }
        return new ExecResult(
                exitCode, capture.stdout(), capture.stderr(), capture.truncated(), capture.seen(), !completed, took);
    }

    /** Collects stdout and stderr up to a shared cap. */
    private static final class Capture extends ResultCallback.Adapter<Frame> {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private long seen;

        Capture(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload == null) {
                return;
            }
            long room = Math.max(0, cap - (long) out.size() - err.size());
            int keep = (int) Math.min(room, payload.length);
            (frame.getStreamType() == StreamType.STDERR ? err : out).write(payload, 0, keep);
            seen += payload.length;
            if (keep < payload.length) {
                try {
                    close(); // past the cap: stop reading, which also ends the wait
                } catch (IOException e) {
                    // the stream is abandoned either way
                }
            }
        }

        synchronized String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return seen > (long) out.size() + err.size();
        }

        synchronized long seen() {
            return seen;
        }
    }
}
