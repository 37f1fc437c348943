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

    /**
     * Decides which unexpired environments are still needed (a live session's, or a warm pool's), and hears about
     * each removal so records of it can be closed.
     */
    @FunctionalInterface
    public interface Keeper {
        boolean keep(String driverKind, ManagedEnvironment environment);

        default void removed(String driverKind, ManagedEnvironment environment) {}
    }

    /** What one sweep did. */
    public record Sweep(
            List<ManagedEnvironment> expired, List<ManagedEnvironment> orphaned, int kept, List<String> failures) {
        public boolean removedAny() {
            return !expired.isEmpty() || !orphaned.isEmpty();
        }
    }

    private final List<EnvironmentDriver> drivers;
    private final Keeper keeper;
    private final Clock clock;

    public Reaper(List<EnvironmentDriver> drivers, Keeper keeper, Clock clock) {
        this.drivers = List.copyOf(drivers);
        this.keeper = keeper;
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
                if (!overdue && keeper.keep(driver.kind(), environment)) {
                    kept++;
                    continue;
                }
                try {
                    driver.destroy(environment.handle());
                    keeper.removed(driver.kind(), environment);
                    (overdue ? expired : orphaned).add(environment);
                } catch (EnvironmentException e) {
                    failures.add(environment.handle().externalId() + ": " + e.getMessage());
                }
            }
        }
        return new Sweep(expired, orphaned, kept, failures);
    }
}
