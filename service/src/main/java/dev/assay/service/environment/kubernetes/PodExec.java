package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exec in a container of a pod through the API server, with a deadline and an output cap, like the Docker
 * driver's: past the cap the exec is closed at once and the result is truncated with exit code -1; a command still
 * running at its deadline is abandoned the same way (it dies with the pod).
 */
final class PodExec {
    private PodExec() {}

    static ContainerResource container(KubernetesClient api, String namespace, String pod, String container) {
        return api.pods().inNamespace(namespace).withName(pod).inContainer(container);
    }

    static ExecResult run(ContainerResource container, ExecRequest request) throws InterruptedException {
        long started = System.nanoTime();
        Capture capture = new Capture(request.maxOutputBytes());
        try (ExecWatch watch = container
                .writingOutput(capture.stream(false))
                .writingError(capture.stream(true))
                .exec(request.command().toArray(String[]::new))) {
            Object done;
            boolean timedOut = false;
            try {
                done = CompletableFuture.anyOf(watch.exitCode(), capture.overflow)
                        .get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                done = null;
                timedOut = true;
            } catch (ExecutionException e) {
                done = null;
            }
            int exitCode = done instanceof Integer code && !capture.truncated() ? code : -1;
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new ExecResult(
                    exitCode,
                    capture.text(false),
                    capture.text(true),
                    capture.truncated(),
                    capture.seen(),
                    timedOut,
                    took);
        }
    }

    /** stdout and stderr up to a shared cap; {@link #overflow} completes once the cap is passed. */
    private static final class Capture {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Boolean> overflow = new CompletableFuture<>();
        private long seen;

        Capture(int cap) {
            this.cap = cap;
        }

        OutputStream stream(boolean stderr) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    take(stderr, bytes, offset, length);
                }
            };
        }

        private synchronized void take(boolean stderr, byte[] bytes, int offset, int length) {
            long room = Math.max(0, cap - (long) out.size() - err.size());
            int keep = (int) Math.min(room, length);
            (stderr ? err : out).write(bytes, offset, keep);
            seen += length;
            if (keep < length) {
                overflow.complete(true);
            }
        }

        synchronized String text(boolean stderr) {
            return (stderr ? err : out).toString(StandardCharsets.UTF_8);
        }

        synchronized boolean truncated() {
            return seen > (long) out.size() + err.size();
        }

        synchronized long seen() {
            return seen;
        }
    }
}
