package dev.assay.service.sessions;

import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.StoredHandle;
import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.EnvironmentHandle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The installation's drivers by kind, and the one way from a lab session to the environment stored for it and the
 * driver that made it. Grading, terminals, the design editor, session recovery and the API all look it up here.
 */
public final class SessionEnvironments {

    /** A session's stored environment with the driver that owns it. */
    public record Bound(StoredHandle stored, EnvironmentDriver driver) {
        public EnvironmentHandle handle() {
            return stored.handle();
        }
    }

    private final Jdbi jdbi;
    private final Map<String, EnvironmentDriver> byKind;

    public SessionEnvironments(Jdbi jdbi, List<EnvironmentDriver> drivers) {
        this.jdbi = jdbi;
        Map<String, EnvironmentDriver> kinds = new LinkedHashMap<>();
        for (EnvironmentDriver driver : drivers) {
            if (kinds.putIfAbsent(driver.kind(), driver) != null) {
                throw new IllegalArgumentException("two drivers of kind " + driver.kind());
            }
        }
        this.byKind = java.util.Collections.unmodifiableMap(kinds);
    }

    /** Every driver, in the order the installation built them. */
    public Collection<EnvironmentDriver> drivers() {
        return byKind.values();
    }

    public Optional<EnvironmentDriver> driver(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The driver for a lab's environment kind, or why this installation cannot run it. */
    public EnvironmentDriver driverFor(String labId, String kind) {
        return driver(kind)
                .orElseThrow(() -> new EnvironmentException.SetupFailed("lab " + labId + " runs on '" + kind
                        + "', and this installation has no driver for it (it has " + byKind.keySet() + ")"));
    }

    /** What is recorded for the session's environment, whether or not a driver of its kind is installed. */
    public Optional<StoredHandle> stored(long sessionId) {
        return jdbi.withExtension(EnvironmentHandleDao.class, dao -> dao.forSession(sessionId));
    }

    /** The session's environment and its driver; empty when none is recorded or no driver of its kind runs here. */
    public Optional<Bound> of(long sessionId) {
        return stored(sessionId).flatMap(stored -> driver(stored.driver()).map(driver -> new Bound(stored, driver)));
    }

    /**
     * The session an environment belongs to: as recorded, or, for a Kubernetes lab's workbench that is not recorded
     * itself, the session id its label carries.
     */
    public Optional<Long> sessionOf(EnvironmentHandle handle) {
        Optional<Long> recorded =
                jdbi.withExtension(EnvironmentHandleDao.class, dao -> dao.sessionOf(handle.externalId()));
        String label = handle.sessionId();
        if (recorded.isEmpty() && label.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(label));
        }
        return recorded;
    }

    /** As {@link #of}, or {@link EnvironmentException.NotFound} saying which part is missing. */
    public Bound require(long sessionId) {
        StoredHandle stored = stored(sessionId)
                .orElseThrow(
                        () -> new EnvironmentException.NotFound("lab session " + sessionId + " has no environment"));
        EnvironmentDriver driver = driver(stored.driver())
                .orElseThrow(() -> new EnvironmentException.NotFound("no driver for " + stored.driver()));
        return new Bound(stored, driver);
    }
}
