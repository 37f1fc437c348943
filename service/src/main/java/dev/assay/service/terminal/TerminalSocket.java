package dev.assay.service.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.Terminal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connection to a lab's terminal. The browser sends JSON messages ({@code {"i": "keys"}} for input,
 * {@code {"r": [columns, rows]}} for a resize, {@code {"p": 1}} to keep an idle connection open); the terminal's
 * output goes back as text frames. The shell runs in tmux inside the lab when the image has it, so a reconnect
 * finds the same shell. Output waits (and with it the process writing it) while a slow browser catches up.
 *
 * <p>The connection's own process in the lab (the tmux client, or the shell) ends with the connection: it
 * announces itself first ({@link ProcessAnnouncement}) and gets a hangup on close ({@link Hangups}). Attaching
 * detaches tmux's other clients, so a lab has at most one whatever the engine does; a connection detached that
 * way (a second tab on another replica) is told it was replaced.
 */
// public only because Jetty calls the listener methods through method handles; nothing else uses it.
public final class TerminalSocket implements Session.Listener.AutoDemanding, Terminal.Listener {
    /**
     * Announce this process, then become a client of the lab's tmux session (made on first use; other clients
     * detached), else a login shell.
     */
    static final List<String> SHELL = List.of(
            "/bin/sh",
            "-c",
            ProcessAnnouncement.ANNOUNCE + "; if command -v tmux >/dev/null 2>&1; then exec tmux new-session -A -D -s"
                    + " assay \\; set-option -g status off; fi; if command -v bash >/dev/null 2>&1; then exec bash -l;"
                    + " fi; exec sh -l");

    /** What tmux prints as its client leaves because another attached. */
    private static final String DETACHED = "[detached (from session ";

    /** Close codes the lab page understands (4000-4999 are ours). */
    static final int ENDED = 4000;

    static final int REPLACED = 4002;

    /** The shell in the lab ended (exit, or the connection to the engine broke): the page reconnects. */
    static final int SHELL_ENDED = 4001;

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 64 * 1024;
    private static final int IN_FLIGHT = 1 << 20;

    private final TerminalGate.Admission admission;
    private final Terminals registry;
    private final int columns;
    private final int rows;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer undecoded = ByteBuffer.allocate(0);
    private @Nullable Session socket;
    private @Nullable Terminal terminal;
    private @Nullable HeldInput input;
    private @Nullable TerminalRecorder recorder;
    private final ProcessAnnouncement announcement = new ProcessAnnouncement();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean processEnded;
    private volatile String tail = "";

    TerminalSocket(TerminalGate.Admission admission, Terminals registry, int columns, int rows) {
        this.admission = admission;
        this.registry = registry;
        this.columns = columns;
        this.rows = rows;
    }

    long sessionId() {
        return admission.session().id();
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.socket = session;
        TerminalRecorder opened;
        synchronized (registry) {
            opened = registry.recorder(this, columns, rows);
            registry.opened(this);
        }
        this.recorder = opened;
        opened.marker("connected " + columns + "x" + rows);
        try {
            Terminal started = admission
                    .driver()
                    .openTerminal(admission.handle().handle(), new Terminal.Request(SHELL, columns, rows), this);
            this.input = new HeldInput(started, announcement.announced());
            this.terminal = started;
        } catch (EnvironmentException e) {
            LOG.warn("lab session {}: the terminal could not be opened: {}", sessionId(), e.getMessage());
            close(1011, "the lab's terminal could not be opened; reload the page to try again");
        }
    }

    @Override
    public void onWebSocketText(String message) {
        Terminal open = terminal;
        HeldInput keyboard = input;
        TerminalRecorder recording = recorder;
        if (open == null || keyboard == null || recording == null || message.length() > MAX_MESSAGE) {
            return;
        }
        try {
            JsonNode node = JSON.readTree(message);
            if (node.path("i").isTextual()) {
                String keys = node.path("i").asText();
                recording.input(keys);
                keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            } else if (node.path("r").isArray() && node.path("r").size() == 2) {
                int newColumns =
                        Math.max(10, Math.min(500, node.path("r").path(0).asInt(columns)));
                int newRows = Math.max(3, Math.min(200, node.path("r").path(1).asInt(rows)));
                recording.resize(newColumns, newRows);
                open.resize(newColumns, newRows);
            }
        } catch (IOException e) {
            // a garbled message: nothing to do for this one
        } catch (EnvironmentException e) {
            close(SHELL_ENDED, "The terminal stopped taking input; a new one starts when the page reconnects.");
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, @Nullable String reason) {
        TerminalRecorder recording = recorder;
        if (recording != null) {
            recording.marker("disconnected");
        }
        registry.closed(this);
        var unused = release(); // runs on its own; failures are logged there
    }

    /** Detaches from the lab and ends this connection's process there (once; done off the caller's thread). */
    CompletableFuture<Void> release() {
        Terminal open = terminal;
        if (open == null || !released.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return registry.hangups().hangUp(admission, announcement, open::close, processEnded);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("lab session {}: terminal socket error", sessionId(), cause);
    }

    /** Terminal output: decoded as UTF-8 across frame boundaries, recorded, and sent once the browser has room. */
    @Override
    public void output(byte[] bytes) {
        String text = decode(announcement.strip(bytes));
        Session open = socket;
        TerminalRecorder recording = recorder;
        if (text.isEmpty() || open == null || recording == null || released.get()) {
            return;
        }
        tail = (tail + text).substring(Math.max(0, tail.length() + text.length() - 80));
        recording.output(text);
        int size = Math.min(IN_FLIGHT, text.length());
        try {
            if (!inFlight.tryAcquire(size, 30, TimeUnit.SECONDS)) {
                close(1013, "the browser stopped reading the terminal");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        open.sendText(text, Callback.from(() -> inFlight.release(size), failure -> inFlight.release(size)));
    }

    @Override
    public void closed(String why) {
        LOG.debug("lab session {}: the terminal's exec ended: {}", sessionId(), why);
        if (released.get()) {
            return; // our own detach
        }
        processEnded = true;
        if (tail.contains(DETACHED)) {
            close(REPLACED, "the terminal was opened in another window");
        } else {
            close(SHELL_ENDED, "The shell ended; a new one starts when the page reconnects.");
        }
    }

    void close(int code, String reason) {
        Session open = socket;
        if (open != null && open.isOpen()) {
            open.close(code, reason.length() > 120 ? reason.substring(0, 120) : reason, Callback.NOOP);
        }
    }

    private synchronized String decode(byte[] bytes) {
        ByteBuffer input = ByteBuffer.allocate(undecoded.remaining() + bytes.length);
        input.put(undecoded).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, chars, false);
        undecoded = input.slice();
        return chars.flip().toString();
    }
}
