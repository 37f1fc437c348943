package dev.assay.service.catalog;

import java.util.List;
import java.util.function.Predicate;

/**
 * Static evidence for one skill, summed over checks: counted checks that weigh it, their weighted points, and the
 * weighted points of every check that weighs it (advisory ones too), as the scoring model adds them up.
 */
record Tally(int checks, double counted, double all) {
    static final Tally ZERO = new Tally(0, 0, 0);

    static Tally of(Lab lab, String skill, Predicate<Lab.Check> counts) {
        Tally tally = ZERO;
        for (Lab.Check check : lab.checks()) {
            double weight = check.skills().getOrDefault(skill, 0.0) * check.points();
            if (weight > 0) {
                boolean counted = counts.test(check);
                tally = tally.plus(new Tally(counted ? 1 : 0, counted ? weight : 0, weight));
            }
        }
        return tally;
    }

    static Tally of(List<Lab> labs, String skill, Predicate<Lab.Check> counts) {
        return labs.stream().map(lab -> of(lab, skill, counts)).reduce(ZERO, Tally::plus);
    }

    Tally plus(Tally other) {
        return new Tally(checks + other.checks, counted + other.counted, all + other.all);
    }

    Tally minus(Tally other) {
        return new Tally(checks - other.checks, counted - other.counted, all - other.all);
    }

    double coverage() {
        return all > 0 ? counted / all : 0;
    }

    boolean meets(Blueprint.Evidence least) {
        return evidence("").meets(least);
    }

    Composition.SkillEvidence evidence(String skill) {
        return new Composition.SkillEvidence(skill, checks, coverage(), counted);
    }
}
