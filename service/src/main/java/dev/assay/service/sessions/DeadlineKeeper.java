package dev.assay.service.sessions;

import dev.assay.service.db.LabSessionDao;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clock on every lab: once a second it finds active sessions past their deadline and hands them in
 * for final grading, whatever the browser does, saying whether the lab's own time ran out or the stage's window
 * closed on it (handing in ends their terminals, see LabEvents). Submitting is idempotent, so two replicas (or a
 * candidate's last-second click) racing for one session still give one grading run.
 */
public final class DeadlineKeeper extends PeriodicScan {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineKeeper.class);

    private final Jdbi jdbi;
    private final Submissions grading;
    private final LongFunction<HandIn> why;
    private final Clock clock;
    private final Set<Long> handing = ConcurrentHashMap.newKeySet();

    /** {@code why}: the hand-in of a session past its deadline (its time, or the stage's window). */
    public DeadlineKeeper(Jdbi jdbi, Submissions grading, LongFunction<HandIn> why, Clock clock, Duration interval) {
        super("deadlines", interval);
        this.jdbi = jdbi;
        this.grading = grading;
        this.why = why;
        this.clock = clock;
    }

    /** One pass: every active session past its deadline is handed in (each once, on a grading thread). */
    @Override
    void scan() {
        List<Long> due;
        try {
            due = jdbi.withExtension(LabSessionDao.class, dao -> dao.pastDeadline(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("deadline scan failed, will retry: {}", e.getMessage());
            return;
        }
        for (long id : due) {
            if (!handing.add(id)) {
                continue;
            }
            handIn(() -> {
                try {
                    HandIn handIn = cause(id);
                    grading.submit(id, handIn);
                    LOG.info("lab session {} was handed in at its deadline: {}", id, handIn.detail());
                } catch (RuntimeException e) {
                    LOG.warn("lab session {}: handing in at the deadline failed: {}", id, e.getMessage());
                } finally {
                    handing.remove(id);
                }
            });
        }
    }

    /** Why the session is handed in; the time limit when that cannot be told, so the hand-in is never held up. */
    private HandIn cause(long id) {
        try {
            return why.apply(id);
        } catch (RuntimeException e) {
            LOG.warn("lab session {}: could not tell whether the window closed on it: {}", id, e.getMessage());
            return HandIn.timeUp();
        }
    }
}
