package dev.assay.grading.design;

import static dev.assay.grading.design.Numbers.duration;
import static dev.assay.grading.design.Numbers.fmt;

import dev.assay.grading.CheckResult;
import java.time.Duration;

/**
 * Recovery, per store, in two cases. Losing the primary (or its zone): with a replica in another zone the store
 * fails over (data lost: none when synchronous, the replication lag when asynchronous; down for the failover time),
 * else it is restored from the last backup. Losing the data itself (a bad migration, a deletion): restored from the
 * last backup, losing up to one backup interval. A restore takes the fixed minutes plus the data at the horizon
 * over the restore speed, or the design's own estimate when that is longer. Worst cases against the RPO and RTO.
 */
final class RecoveryCheck implements DesignCheck {

    @Override
    public void run(Design design, Scenario scenario, CheckResult.Builder check) {
        Duration rpo = scenario.targets().rpo();
        Duration rto = scenario.targets().rto();
        if (rpo == null || rto == null) {
            throw new ScenarioException("targets.rpo and targets.rto: required for the recovery check");
        }
        check.observe("targets", "RPO " + duration(rpo) + ", RTO " + duration(rto));
        DesignCheck.missingParts(design, scenario, "its recovery", check);
        for (Design.Store store : design.stores()) {
            Scenario.Instance type = DesignCheck.instance(store.asNode(), scenario, check);
            if (type == null) {
                continue;
            }
            if (type.managed()) {
                check.observe(
                        "recovery " + store.name(),
                        "managed " + store.instanceType() + ": replicated across zones by the provider, not computed");
                continue;
            }
            Scenario.Recovery figures = scenario.recovery().get(store.engine());
            check.expect(
                    figures != null,
                    store.name() + ": the scenario gives no recovery figures for engine '" + store.engine()
                            + "'; use one of " + scenario.recovery().keySet());
            if (figures != null) {
                store(design, scenario, store, figures, rpo, rto, check);
            }
        }
    }

    private static void store(
            Design design,
            Scenario scenario,
            Design.Store store,
            Scenario.Recovery figures,
            Duration rpo,
            Duration rto,
            CheckResult.Builder check) {
        Duration restore = restoreTime(design, scenario, store, figures, check);
        boolean failover = !store.replication().equals("none") && store.zones().size() >= 2;
        Duration nodeLoss = !failover
                ? store.backupInterval()
                : store.replication().equals("sync")
                        ? Duration.ZERO
                        : Duration.ofMillis(Math.round(figures.asyncLagSeconds() * 1000));
        Duration nodeDown = failover ? Numbers.minutes(figures.failoverMinutes()) : restore;
        check.observe(
                "recovery " + store.name() + " losing the primary or its zone",
                (failover
                        ? store.replication() + " replica in another zone: fail over in " + duration(nodeDown)
                                + ", lose "
                                + (store.replication().equals("sync") ? "nothing" : "the lag, " + duration(nodeLoss))
                        : "no replica in another zone: restore from backup in " + duration(nodeDown)
                                + ", lose up to one backup interval, " + duration(nodeLoss)));
        check.observe(
                "recovery " + store.name() + " losing the data",
                "restore in " + duration(restore) + ", lose up to one backup interval, "
                        + duration(store.backupInterval()));
        Duration worstLoss = max(nodeLoss, store.backupInterval());
        Duration worstDown = max(nodeDown, restore);
        check.observe(
                "recovery " + store.name() + " worst case",
                "lose " + duration(worstLoss) + " (RPO " + duration(rpo) + "), down " + duration(worstDown) + " (RTO "
                        + duration(rto) + ")");
        check.expect(
                worstLoss.compareTo(rpo) <= 0,
                store.name() + " can lose " + duration(worstLoss) + " of data, the RPO is " + duration(rpo));
        check.expect(
                worstDown.compareTo(rto) <= 0,
                store.name() + " can be down " + duration(worstDown) + ", the RTO is " + duration(rto));
    }

    private static Duration restoreTime(
            Design design,
            Scenario scenario,
            Design.Store store,
            Scenario.Recovery figures,
            CheckResult.Builder check) {
        Scenario.Growth growth = scenario.storage().engines().get(store.engine());
        double share = store.storageGB()
                / design.stores().stream()
                        .filter(s -> s.engine().equals(store.engine()))
                        .mapToDouble(Design.Store::storageGB)
                        .sum();
        double data = growth == null
                ? store.storageGB()
                : growth.atHorizon(scenario.storage().horizonMonths()) * share;
        double minutes = figures.restoreFixedMinutes() + data / figures.restoreGBPerHour() * 60;
        Duration computed = Numbers.minutes(minutes);
        Duration stated = store.restoreTime();
        Duration used = stated != null && stated.compareTo(computed) > 0 ? stated : computed;
        check.observe(
                "restore " + store.name(),
                fmt(figures.restoreFixedMinutes()) + " min + " + fmt(data) + " GB / "
                        + fmt(figures.restoreGBPerHour()) + " GB/h = " + duration(computed)
                        + (stated == null ? "" : "; the design states " + duration(stated)) + "; using "
                        + duration(used));
        return used;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
