package dev.assay.service.terminal;

import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.sessions.SessionEnvironments;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The open terminals of this replica: one browser connection per lab session (a second tab takes over and the
 * first is told so), their recorders flushed every second, and a way to end a session's terminal when the lab
 * is submitted or its time is up. Every connection's own process in the lab ends with it, on stop too.
 */
public final class Terminals implements Managed {
    /** How long stopping waits for the open connections' processes to be hung up. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(Hangups.ANNOUNCEMENT_WAIT.toSeconds() + 10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TerminalGate gate;
    private final Map<Long, TerminalSocket> open = new ConcurrentHashMap<>();
    /** One recorder per lab session, shared by its connections here, so its events stay in time order. */
    private final Map<Long, TerminalRecorder> recorders = new ConcurrentHashMap<>();

    private final Hangups hangups = new Hangups();

    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "terminal-recorder");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param assessmentForToken the assessment a candidate session cookie opens (InvitationService's lookup)
     * @param candidateCookieName the candidate cookie's name on the wire, for a request that is (not) HTTPS
     */
    public Terminals(
            Jdbi jdbi,
            Function<String, Optional<Long>> assessmentForToken,
            Function<Boolean, String> candidateCookieName,
            SessionEnvironments environments,
            Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.gate = new TerminalGate(jdbi, assessmentForToken, candidateCookieName, environments, clock);
    }

    TerminalGate gate() {
        return gate;
    }

    Hangups hangups() {
        return hangups;
    }

    @Override
    public void start() {
        flusher.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        flusher.shutdownNow();
        List<CompletableFuture<Void>> released = new ArrayList<>();
        for (TerminalSocket socket : open.values()) {
            socket.close(1001, "the service is restarting; the page reconnects");
            released.add(socket.release()); // now: Jetty may stop before the close handshake ends
        }
        flushAll();
        try {
            CompletableFuture.allOf(released.toArray(CompletableFuture[]::new))
                    .get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each hangup logs its own failure; a lab left with a client gets a fresh one's -D on reconnect
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hangups.stop(Duration.ofSeconds(1));
    }

    /**
     * Once a second: ends terminals whose lab is no longer open (handed in on another replica, or its time up
     * before the keeper got to it), and writes what the recorders hold.
     */
    private void sweep() {
        for (TerminalSocket socket : open.values()) {
            try {
                Optional<LabSession> session =
                        jdbi.withExtension(LabSessionDao.class, dao -> dao.find(socket.sessionId()));
                if (session.isEmpty() || !TerminalGate.stillOpen(session.get(), clock.instant())) {
                    boolean timeUp =
                            session.map(s -> s.state() == SessionState.ACTIVE).orElse(false);
                    socket.close(
                            TerminalSocket.ENDED, timeUp ? "Time is up: the lab was handed in." : "The lab has ended.");
                }
            } catch (RuntimeException e) {
                // the database is away for a moment: look again next second
            }
        }
        flushAll();
    }

    private void flushAll() {
        recorders.values().forEach(recorder -> {
            try {
                recorder.flush();
            } catch (RuntimeException e) {
                // the database is away for a moment: the events stay buffered until the next flush
            }
        });
    }

    /** The socket's session recording (continued if it has one), flushed every second while the socket lives. */
    synchronized TerminalRecorder recorder(TerminalSocket socket, int columns, int rows) {
        return recorders.computeIfAbsent(
                socket.sessionId(), id -> TerminalRecorder.open(jdbi, id, columns, rows, clock));
    }

    synchronized void opened(TerminalSocket socket) {
        TerminalSocket previous = open.put(socket.sessionId(), socket);
        if (previous != null && previous != socket) {
            previous.close(TerminalSocket.REPLACED, "the terminal was opened in another window");
        }
    }

    synchronized void closed(TerminalSocket socket) {
        if (open.remove(socket.sessionId(), socket)) {
            TerminalRecorder recorder = recorders.remove(socket.sessionId());
            if (recorder != null) {
                recorder.flush();
            }
        }
    }

    /** Ends the session's terminal on this replica, telling the page why (the lab was submitted, time is up). */
    public void end(long sessionId, String reason) {
        TerminalSocket socket = open.get(sessionId);
        if (socket != null) {
            socket.close(TerminalSocket.ENDED, reason);
        }
    }

    /** How many terminals are open here (for metrics and tests). */
    public int openCount() {
        return open.size();
    }
}
