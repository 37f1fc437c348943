package dev.assay.service.views;

import dev.assay.service.catalog.Lab;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** One lab on the candidate's overview: what it is, how long it takes, and where their attempt stands. */
public record LabCard(
        String id,
        String title,
        String summary,
        long minutes,
        String difficulty,
        String status,
        boolean startable,
        String action,
        boolean submittable) {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** {@code windowClosed}: the stage's window has closed, so a lab not started stays so. */
    public static LabCard of(Lab lab, @Nullable LabSession session, boolean windowClosed) {
        String status;
        boolean startable = false;
        String action = "Start";
        if (session == null) {
            status = windowClosed
                    ? "Not started; the stage's window has closed."
                    : "Not started. The clock starts when you press Start.";
            startable = !windowClosed;
        } else {
            status = switch (session.state()) {
                case PROVISIONING -> "Being prepared.";
                case PROVISION_FAILED -> "Could not be prepared; nothing of your time was used.";
                case ACTIVE ->
                    session.deadlineAt() == null
                            ? "In progress."
                            : "In progress until " + CLOCK.format(session.deadlineAt()) + ".";
                case INTERRUPTED -> "Interrupted by a fault on our side; the hiring team will contact you.";
                case GRADING, GRADED -> "Submitted.";
            };
            if (session.state() == SessionState.PROVISION_FAILED && !windowClosed) {
                startable = true;
                action = "Try again";
            }
        }
        return new LabCard(
                lab.id(),
                lab.title(),
                lab.summary(),
                lab.timeLimit().toMinutes(),
                lab.difficulty(),
                status,
                startable,
                action,
                session != null && session.state() == SessionState.ACTIVE);
    }
}
