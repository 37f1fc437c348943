package dev.assay.service.sessions;

import org.jspecify.annotations.Nullable;

/**
 * Why a lab was handed in: the candidate submitted it, its own time ran out, the stage's window closed on it (a lab
 * started late), or the service stopped it (it wrote past its disk). {@code detail} is what the session's log stores; {@link #read} gets the hand-in back from it, so the
 * done page and the terminal say the same thing the log does.
 */
public record HandIn(Cause cause, String detail) {
    /** In order of weight: a log that records more than one is read as the heaviest. */
    public enum Cause {
        SUBMITTED,
        TIME_UP,
        WINDOW_CLOSED,
        STOPPED
    }

    private static final String SUBMITTED_DETAIL = "submitted by the candidate";
    private static final String TIME_UP_DETAIL = "the time limit was reached";
    private static final String WINDOW_CLOSED_DETAIL = "the stage's window closed";
    private static final String STOPPED_PREFIX = "This lab was stopped: ";

    public static HandIn submitted() {
        return new HandIn(Cause.SUBMITTED, SUBMITTED_DETAIL);
    }

    public static HandIn timeUp() {
        return new HandIn(Cause.TIME_UP, TIME_UP_DETAIL);
    }

    /** Handed in at the stage window's close, before the lab's own time limit. */
    public static HandIn windowClosed() {
        return new HandIn(Cause.WINDOW_CLOSED, WINDOW_CLOSED_DETAIL);
    }

    /** Stopped by the service; {@code reason} is a sentence for the candidate, then figures for the interviewer. */
    public static HandIn stopped(String reason) {
        return new HandIn(Cause.STOPPED, STOPPED_PREFIX + reason);
    }

    /** The hand-in a session log's detail records, if it records one. */
    public static java.util.Optional<HandIn> read(@Nullable String detail) {
        if (detail == null) {
            return java.util.Optional.empty();
        }
        if (detail.startsWith(STOPPED_PREFIX)) {
            return java.util.Optional.of(new HandIn(Cause.STOPPED, detail));
        }
        if (detail.equals(TIME_UP_DETAIL)) {
            return java.util.Optional.of(timeUp());
        }
        if (detail.equals(WINDOW_CLOSED_DETAIL)) {
            return java.util.Optional.of(windowClosed());
        }
        return detail.equals(SUBMITTED_DETAIL) ? java.util.Optional.of(submitted()) : java.util.Optional.empty();
    }

    /** The first sentence of a stop's reason ("This lab was stopped: it wrote more than its 64 MiB of disk."). */
    private String firstSentence() {
        int end = detail.indexOf('.');
        return end < 0 ? detail : detail.substring(0, end + 1);
    }

    /** What the candidate's terminal shows as it closes. */
    public String terminalNotice() {
        return switch (cause) {
            case STOPPED -> firstSentence();
            case TIME_UP -> "Time is up: the lab was handed in.";
            case WINDOW_CLOSED -> "The stage's window has closed: the lab was handed in.";
            case SUBMITTED -> "The lab was submitted.";
        };
    }

    /** How the done page says the lab ended. */
    public String donePage() {
        return switch (cause) {
            case STOPPED -> firstSentence() + " What it had done so far was graded.";
            case TIME_UP -> "The time limit was reached, so the lab was handed in as it was.";
            case WINDOW_CLOSED ->
                "The stage's window closed before this lab's own time was up, so it was handed in as it was.";
            case SUBMITTED -> "You handed the lab in.";
        };
    }
}
