package dev.assay.service.terminal;

import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.terminal.ProcessAnnouncement.LabProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a closed terminal connection's own process in the lab. Neither Docker nor Kubernetes ends an exec's
 * process when its connection closes, so every reconnect would leave a tmux client (or a shell) behind until the
 * lab runs out of processes. The connection is detached first (once its process is announced, so it is known),
 * then a hangup goes to that process, as closing a terminal window sends: a tmux client leaves (the shell in tmux
 * and its jobs live on), a plain shell ends. It runs through the driver's ordinary exec, on threads of its own.
 */
final class Hangups {
    /** How long a connection closed early waits for its process to be announced. */
    static final Duration ANNOUNCEMENT_WAIT = Duration.ofSeconds(5);

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Hangups.class);

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor =
            new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "terminal-hangup-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    Hangups() {
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
    }

    /**
     * Detaches the connection and hangs up its process (unless {@code processEnded}: nothing is left to end).
     * Completes when done; failures are logged, never thrown (the lab may be gone already).
     */
    CompletableFuture<Void> hangUp(
            TerminalGate.Admission admission, ProcessAnnouncement announcement, Runnable detach, boolean processEnded) {
        return announcement
                .announced()
                .completeOnTimeout(Optional.empty(), ANNOUNCEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .thenAcceptAsync(
                        process -> {
                            detach.run();
                            if (process.isPresent() && !processEnded) {
                                send(admission, process.get());
                            } else if (process.isEmpty()) {
                                LOG.warn(
                                        "lab session {}: the terminal's process was never announced; it may outlive"
                                                + " the connection",
                                        admission.session().id());
                            }
                        },
                        executor)
                .exceptionally(failure -> {
                    LOG.warn(
                            "lab session {}: hanging up the terminal failed",
                            admission.session().id(),
                            failure);
                    return null;
                });
    }

    /** Stops taking hangups; those under way get {@code wait} to finish. */
    void stop(Duration wait) {
        executor.shutdown();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The script that hangs up exactly {@code process}: the pid only while it still has its start time. */
    static String script(LabProcess process) {
        return "read -r s 2>/dev/null </proc/" + process.pid() + "/stat || exit 0; set -- ${s##*) };"
                + " [ \"${20}\" = " + process.startTime() + " ] && kill -HUP " + process.pid() + "; exit 0";
    }

    private static void send(TerminalGate.Admission admission, LabProcess process) {
        try {
            ExecResult result = admission
                    .driver()
                    .exec(admission.handle().handle(), ExecRequest.shell(script(process), EXEC_TIMEOUT));
            if (!result.succeeded()) {
                LOG.warn(
                        "lab session {}: the hangup of the terminal's process {} failed: {}",
                        admission.session().id(),
                        process.pid(),
                        result.stderr());
            }
        } catch (RuntimeException e) {
            LOG.debug(
                    "lab session {}: no hangup, the lab is out of reach: {}",
                    admission.session().id(),
                    e.getMessage());
        }
    }
}
