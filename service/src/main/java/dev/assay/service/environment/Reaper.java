package dev.assay.service.environment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes environments that are expired or belong to no live session, on every driver, and never anything the
 * drivers do not list as managed (unlabelled containers are invisible to it). One failed removal does not stop
 * the sweep; it is reported and retried on the next one.
 */
public final class Reaper {

    /** Whether a session still needs its environment (provisioning, active or grading). */
    @FunctionalInterface
    public interface LiveSessions {
        boolean isLive(String sessionId);
    }

    /** What one sweep did. */
    public record Sweep(
            List<ManagedEnvironment> expired, List<ManagedEnvironment> orphaned, int kept, List<String> failures) {
        public boolean removedAny() {
            return !expired.isEmpty() || !orphaned.isEmpty();
        }
    }

    private final List<EnvironmentDriver> drivers;
    private final LiveSessions sessions;
    private final Clock clock;

    public Reaper(List<EnvironmentDriver> drivers, LiveSessions sessions, Clock clock) {
        this.drivers = List.copyOf(drivers);
        this.sessions = sessions;
        this.clock = clock;
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        List<ManagedEnvironment> expired = new ArrayList<>();
        List<ManagedEnvironment> orphaned = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int kept = 0;
        for (EnvironmentDriver driver : drivers) {
            List<ManagedEnvironment> managed;
            try {
                managed = driver.listManaged();
            } catch (EnvironmentException e) {
                failures.add(driver.kind() + ": " + e.getMessage());
                continue;
            }
            for (ManagedEnvironment environment : managed) {
                boolean overdue = !environment.expiresAt().isAfter(now);
                if (!overdue && sessions.isLive(environment.handle().sessionId())) {
                    kept++;
                    continue;
                }
                try {
                    driver.destroy(environment.handle());
                    (overdue ? expired : orphaned).add(environment);
                } catch (EnvironmentException e) {
                    failures.add(environment.handle().externalId() + ": " + e.getMessage());
                }
            }
        }
        return new Sweep(expired, orphaned, kept, failures);
    }
}
