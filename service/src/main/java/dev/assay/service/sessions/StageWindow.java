package dev.assay.service.sessions;

import dev.assay.service.catalog.Lab;
import dev.assay.service.db.LabSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sitting a candidate has for all the labs of their stage: from their first Start, the sum of their own labs'
 * time limits plus {@link #ALLOWANCE} (to read, to wait while a lab is prepared, to take a break). Each lab keeps
 * its own limit inside the window: a lab started late ends when the window closes, and once it has closed no lab
 * can be started. The window is derived from the sessions themselves (the first one's creation), so nothing
 * is stored twice and a restart changes nothing.
 */
public record StageWindow(Duration length, @Nullable Instant opened) {
    /** Time beyond the labs' own limits, for reading, preparing labs and a break between them. */
    public static final Duration ALLOWANCE = Duration.ofMinutes(15);

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The window of an assessment with these labs and these sessions (every attempt of every lab). */
    public static StageWindow of(List<Lab> labs, List<LabSession> sessions) {
        Duration length = labs.stream().map(Lab::timeLimit).reduce(ALLOWANCE, Duration::plus);
        Instant opened = sessions.stream()
                .map(LabSession::createdAt)
                .min(Instant::compareTo)
                .orElse(null);
        return new StageWindow(length, opened);
    }

    /** When the window closes; empty until the first lab is started. */
    public Optional<Instant> closesAt() {
        return Optional.ofNullable(opened).map(start -> start.plus(length));
    }

    public boolean closedAt(Instant now) {
        return closesAt().map(close -> !now.isBefore(close)).orElse(false);
    }

    /** The deadline of a lab started at {@code start}: its own limit, or the window's close if that comes first. */
    public Instant deadline(Instant start, Duration limit) {
        Instant own = start.plus(limit);
        Instant close = closesAt().orElse(start.plus(length));
        return own.isBefore(close) ? own : close;
    }

    /**
     * Whether a lab with this deadline ends with the window: the deadline is the close, within a second. An extension
     * that moves a deadline past the close makes it the lab's own time again.
     */
    public boolean endsWith(@Nullable Instant deadline) {
        return deadline != null
                && closesAt()
                        .map(close -> Duration.between(deadline, close).abs().compareTo(Duration.ofSeconds(1)) <= 0)
                        .orElse(false);
    }

    /** What the candidate reads about the window, before, during and after it. */
    public String describe(Instant now) {
        long minutes = length.toMinutes();
        Optional<Instant> close = closesAt();
        if (close.isEmpty()) {
            return "You have " + minutes + " minutes for all of them from your first Start (their time plus "
                    + ALLOWANCE.toMinutes() + " minutes to read and pause between labs).";
        }
        if (closedAt(now)) {
            return "Your " + minutes + "-minute window closed at " + CLOCK.format(close.get())
                    + ": a lab not started by then can no longer be started.";
        }
        return "Your " + minutes + "-minute window closes at " + CLOCK.format(close.get())
                + ": start every lab before then; a lab started late ends when the window closes.";
    }

    /** Thrown when a lab is started after the window closed; the message says when and whom to ask. */
    public static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String message;

        public Closed(StageWindow window) {
            this("The stage's " + window.length().toMinutes() + "-minute window closed at "
                    + window.closesAt().map(CLOCK::format).orElse("its end")
                    + ": labs not started by then can no longer be started. Ask the hiring team if you need more"
                    + " time.");
        }

        private Closed(String message) {
            super(message);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
