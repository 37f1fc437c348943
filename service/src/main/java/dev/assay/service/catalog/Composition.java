package dev.assay.service.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labs one candidate of a labs stage gets: the stage's fixed labs, then the pool labs picked, in the role's
 * order; their total time, total difficulty (easy 1, medium 2, hard 3) and the static evidence per skill they
 * give, in the role's skill order.
 */
public record Composition(
        String role,
        String stage,
        List<String> labs,
        Duration minutes,
        Duration budget,
        int difficulty,
        List<String> measures,
        Map<String, SkillEvidence> evidence) {

    /**
     * What a composition's labs give one skill, as the scoring model counts it with every counted check graded:
     * counted checks that weigh it, the counted share of its weighted points, and the counted weighted points.
     */
    public record SkillEvidence(String skill, int checks, double coverage, double points) {
        public boolean meets(Blueprint.Evidence least) {
            return checks >= least.checks() && coverage >= least.coverage() - 1e-9 && points >= least.points() - 1e-9;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "%d counted check(s), coverage %.0f%%, %.1f points", checks, coverage * 100, points);
        }
    }

    /** What this composition lacks against a blueprint: empty when it meets the evidence and the budget. */
    public List<String> shortOf(Blueprint blueprint) {
        List<String> missing = new ArrayList<>();
        if (minutes.compareTo(blueprint.budget()) > 0) {
            missing.add("takes " + minutes.toMinutes() + "m, over the budget of "
                    + blueprint.budget().toMinutes() + "m");
        }
        for (String skill : measures) {
            SkillEvidence given = evidence.getOrDefault(skill, new SkillEvidence(skill, 0, 0, 0));
            if (!given.meets(blueprint.evidence())) {
                missing.add(skill + ": " + given);
            }
        }
        return missing;
    }
}
