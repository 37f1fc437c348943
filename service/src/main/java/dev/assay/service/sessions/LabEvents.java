package dev.assay.service.sessions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens at the end of a lab session, for the parts of the service that act on it: terminals close the moment
 * a lab is handed in (before its final grading runs, so nothing typed later is graded); the stage is scored and its
 * webhook queued once a grading ends. Listeners run in the order they subscribed, on the thread that published; one
 * that throws is logged and does not stop the others.
 */
public final class LabEvents {
    /** A lab left the active state: submitted, out of time or stopped. */
    public record HandedIn(long sessionId, long assessmentId, HandIn handIn) {}

    /** A lab's final grading ended and its result is stored. */
    public record Graded(long sessionId, long assessmentId) {}

    private static final Logger LOG = LoggerFactory.getLogger(LabEvents.class);

    private final List<Consumer<HandedIn>> handedIn = new CopyOnWriteArrayList<>();
    private final List<Consumer<Graded>> graded = new CopyOnWriteArrayList<>();

    public void onHandedIn(Consumer<HandedIn> listener) {
        handedIn.add(listener);
    }

    public void onGraded(Consumer<Graded> listener) {
        graded.add(listener);
    }

    public void publish(HandedIn event) {
        deliver(handedIn, event);
    }

    public void publish(Graded event) {
        deliver(graded, event);
    }

    private static <T> void deliver(List<Consumer<T>> listeners, T event) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("a listener of {} failed", event, e);
            }
        }
    }
}
