package dev.assay.service.catalog;

import java.time.Duration;
import java.util.List;

/**
 * How a labs stage composes each candidate's labs: every candidate gets {@code labs}, and a composition adds labs
 * from {@code pool} until each measured skill has the {@code evidence} asked for, within {@code budget} (the sum
 * of the labs' time limits: one sitting). No pool lab may appear in more than {@code exposure} of the compositions
 * where the pool allows it.
 */
public record Blueprint(Duration budget, List<String> labs, List<String> pool, Evidence evidence, double exposure) {

    /** No limit on a sitting: a stage read from a role file that predates blueprints. */
    public static final Duration UNBOUNDED = Duration.ofDays(1);

    /**
     * The least evidence per measured skill in every composition, as the scoring model counts it statically: a
     * check counts for a skill when it weighs the skill and is not advisory; {@code coverage} is the counted share
     * of the skill's weighted points, {@code points} the counted weighted points.
     */
    public record Evidence(int checks, double coverage, double points) {
        public static final Evidence NONE = new Evidence(0, 0, 0);
    }

    /** The fixed labs and pool of a stage, with no budget, evidence or exposure limits. */
    public static Blueprint listed(List<String> labs, List<String> pool) {
        return new Blueprint(UNBOUNDED, List.copyOf(labs), List.copyOf(pool), Evidence.NONE, 1.0);
    }

    /** An interview stage's: no labs. */
    public static Blueprint none() {
        return listed(List.of(), List.of());
    }
}
