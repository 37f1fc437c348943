package dev.assay.service.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.RecordingDao;
import dev.assay.service.db.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * Records one connection of a lab session's terminal as asciicast v2 events ({@code [seconds, "o"|"i"|"r"|"m",
 * data]}), timed from the session's first connection so that reconnects continue one recording. Events are
 * buffered and written in chunks (at 16 KiB, on {@link #flush}, which the registry calls every second, and on
 * close); the session's recording is capped at {@link #CAP} bytes, after which a marker says so and the rest is
 * not kept.
 */
final class TerminalRecorder {
    /** The most kept per lab session: an hour of busy typing is well under 1 MiB; a flood of output is not kept. */
    static final long CAP = 8L << 20;

    private static final int CHUNK = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final long sessionId;
    private final Instant startedAt;
    private final Clock clock;
    private final StringBuilder buffer = new StringBuilder();
    private boolean full;

    private TerminalRecorder(Jdbi jdbi, long sessionId, Instant startedAt, Clock clock, boolean full) {
        this.jdbi = jdbi;
        this.sessionId = sessionId;
        this.startedAt = startedAt;
        this.clock = clock;
        this.full = full;
    }

    /** The session's recording, begun now with this window size if it has none yet. */
    static TerminalRecorder open(Jdbi jdbi, long sessionId, int columns, int rows, Clock clock) {
        RecordingDao.Header header = jdbi.withExtension(RecordingDao.class, dao -> dao.header(sessionId))
                .orElseGet(() -> {
                    try {
                        jdbi.useExtension(
                                RecordingDao.class, dao -> dao.insertHeader(sessionId, clock.instant(), columns, rows));
                    } catch (RuntimeException e) {
                        if (!Sql.isUniqueViolation(e)) {
                            throw e;
                        }
                        // another connection began it first: continue that one
                    }
                    return jdbi.withExtension(RecordingDao.class, dao -> dao.header(sessionId))
                            .orElseThrow();
                });
        return new TerminalRecorder(jdbi, sessionId, header.startedAt(), clock, header.capped());
    }

    synchronized void output(String text) {
        event("o", text);
    }

    synchronized void input(String text) {
        event("i", text);
    }

    synchronized void resize(int columns, int rows) {
        event("r", columns + "x" + rows);
    }

    synchronized void marker(String label) {
        event("m", label);
    }

    private void event(String code, String data) {
        if (full) {
            return;
        }
        double seconds = Duration.between(startedAt, clock.instant()).toNanos() / 1e9;
        buffer.append(String.format(Locale.ROOT, "[%.6f, \"%s\", ", Math.max(0, seconds), code))
                .append(json(data))
                .append("]\n");
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    synchronized void flush() {
        if (buffer.isEmpty() || full) {
            buffer.setLength(0);
            return;
        }
        String events = buffer.toString();
        double seconds = Duration.between(startedAt, clock.instant()).toNanos() / 1e9;
        String capped = String.format(
                Locale.ROOT, "[%.6f, \"m\", %s]\n", seconds, json("recording capped at " + CAP + " bytes"));
        try {
            full = !jdbi.withExtension(
                    RecordingDao.class,
                    dao -> dao.append(sessionId, events, events.getBytes(StandardCharsets.UTF_8).length, CAP, capped));
            buffer.setLength(0);
        } catch (RuntimeException e) {
            // Kept for the next flush, unless the database has been away long enough to pile up a megabyte.
            if (buffer.length() > (1 << 20)) {
                buffer.setLength(0);
            }
            throw e;
        }
    }

    private static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
