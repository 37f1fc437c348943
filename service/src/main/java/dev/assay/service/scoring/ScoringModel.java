package dev.assay.service.scoring;

import dev.assay.service.catalog.Role;
import dev.assay.service.core.Rating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scoring model (docs/review.md), as a pure function of stored results and a rubric, so a rescore under new weights
 * runs no grader. For each skill s: score = sum(q m x) / sum over counted checks of (q m), coverage = the counted
 * share of the skill's weighted points; fewer than {@value #MIN_CHECKS} counted checks or coverage under
 * {@value #MIN_COVERAGE} is "no decision". The recommendation is conjunctive on the must-haves the stage
 * measures (every must-have its checks weigh, less one it does not declare and cannot decide): a failed gate or a must-have at no or below rejects; a must-have without a decision or at mixed, or a
 * check that could not be graded, goes to an interviewer; nice-to-haves are reported and never compensate.
 */
public final class ScoringModel {
    public static final String VERSION = "2";
    static final double MIN_COVERAGE = 0.6;
    static final int MIN_CHECKS = 2;

    /**
     * One check as the rubric weighs it, with its stored outcome: {@code credit} null when it does not count
     * (not gradable, or advisory); {@code notGradable} the reason when a grader could not judge it (an engine
     * outage, a grader's trouble, or something the candidate did to the check): such a result is held for a person.
     */
    public record Item(
            String labId,
            String checkId,
            double points,
            Map<String, Double> skills,
            boolean gate,
            @Nullable Double credit,
            @Nullable String notGradable) {
        public Item(
                String labId,
                String checkId,
                double points,
                Map<String, Double> skills,
                boolean gate,
                @Nullable Double credit) {
            this(labId, checkId, points, skills, gate, credit, null);
        }
    }

    private ScoringModel() {}

    public static Scorecard score(Role role, String stage, List<Item> items, Map<String, String> versions) {
        List<Scorecard.Skill> skills = new ArrayList<>();
        for (Role.Skill skill : role.skills()) {
            skills.add(skill(skill, items, role.cuts()));
        }
        Map<String, String> allVersions = new LinkedHashMap<>(versions);
        allVersions.put("scoringModel", VERSION);
        return new Scorecard(
                Scorecard.SCHEMA,
                role.id(),
                stage,
                skills,
                recommend(role, stage, skills, items),
                Map.copyOf(allVersions),
                List.of(),
                null);
    }

    static Scorecard.Skill skill(Role.Skill skill, List<Item> items, List<Double> cuts) {
        double all = 0;
        double counted = 0;
        double earned = 0;
        int checks = 0;
        for (Item item : items) {
            double weight = item.skills().getOrDefault(skill.id(), 0.0) * item.points();
            if (weight <= 0) {
                continue;
            }
            all += weight;
            Double credit = item.credit();
            if (credit != null) {
                counted += weight;
                earned += weight * credit;
                checks++;
            }
        }
        boolean assessed = all > 0;
        double coverage = assessed ? counted / all : 0;
        String noDecision = null;
        if (!assessed) {
            noDecision = "no check of this stage measures it";
        } else if (checks < MIN_CHECKS) {
            noDecision = checks + " counted check(s); a decision needs " + MIN_CHECKS;
        } else if (coverage < MIN_COVERAGE) {
            noDecision =
                    String.format(Locale.ROOT, "coverage %.0f%% is under %.0f%%", coverage * 100, MIN_COVERAGE * 100);
        }
        Double score = counted > 0 ? earned / counted : null;
        Rating rating = noDecision == null && score != null ? Rating.of(score, cuts) : null;
        return new Scorecard.Skill(
                skill.id(),
                skill.mustHave(),
                assessed,
                noDecision == null ? score : null,
                coverage,
                checks,
                rating,
                noDecision);
    }

    /**
     * Conjunctive over the must-haves the stage's checks weigh. When the role file declares what the stage measures,
     * a must-have outside that list which a lab touches in passing (linux in a Kubernetes lab) and which the stage
     * cannot decide is reported on the stage, not held against it: the candidate's scorecard decides it across the
     * plan. Every must-have the stage does decide counts, declared or not.
     */
    private static Scorecard.Recommendation recommend(
            Role role, String stage, List<Scorecard.Skill> skills, List<Item> items) {
        List<String> declared = role.stages().stream()
                .filter(s -> s.id().equals(stage))
                .findFirst()
                .map(Role.Stage::measures)
                .orElse(List.of());
        List<MustHave> measured = skills.stream()
                .filter(skill -> skill.mustHave() && skill.assessed())
                .filter(skill -> declared.isEmpty() || declared.contains(skill.id()) || skill.rating() != null)
                .map(skill -> new MustHave(skill.id(), skill.rating(), skill.noDecision()))
                .toList();
        List<String> reviews = measured.isEmpty()
                ? List.of("no must-have skill of " + role.id() + " is measured by this stage")
                : List.of();
        return conjunctive(items, measured, reviews, "every must-have the stage measures is rated yes or better");
    }

    /** A must-have as a recommendation weighs it: its rating, or why there is none. */
    record MustHave(
            String id, @Nullable Rating rating, @Nullable String noDecision) {}

    /**
     * The conjunctive recommendation over {@code mustHaves}: a failed gate or a must-have at no or below rejects; a
     * must-have without a decision or at mixed, a check that could not be graded, or one of {@code moreReviews}
     * goes to an interviewer; otherwise advance, for {@code advanceReason}.
     */
    static Scorecard.Recommendation conjunctive(
            List<Item> items, List<MustHave> mustHaves, List<String> moreReviews, String advanceReason) {
        List<String> rejects = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        for (Item item : items) {
            Double credit = item.credit();
            if (item.gate() && credit != null && credit < 1.0) {
                rejects.add("gate " + item.labId() + "/" + item.checkId() + " failed");
            }
            // A check left out of the count raises the share of what is left, and a candidate may have caused it:
            // the result waits for a person instead of advancing on what remains.
            if (credit == null && item.notGradable() != null) {
                reviews.add((item.gate() ? "gate " : "check ") + item.labId() + "/" + item.checkId()
                        + " could not be graded (" + item.notGradable() + "): an interviewer decides");
            }
        }
        for (MustHave skill : mustHaves) {
            Rating rating = skill.rating();
            if (rating == null) {
                reviews.add("must-have " + skill.id() + ": no decision (" + skill.noDecision() + ")");
            } else if (rating.atMostNo()) {
                rejects.add("must-have " + skill.id() + " rated " + rating);
            } else if (rating == Rating.MIXED) {
                reviews.add("must-have " + skill.id() + " rated mixed");
            }
        }
        reviews.addAll(moreReviews);
        if (!rejects.isEmpty()) {
            List<String> reasons = new ArrayList<>(rejects);
            reasons.addAll(reviews);
            return new Scorecard.Recommendation(Verdict.REJECT, reasons);
        }
        if (!reviews.isEmpty()) {
            return new Scorecard.Recommendation(Verdict.REVIEW, reviews);
        }
        return new Scorecard.Recommendation(Verdict.ADVANCE, List.of(advanceReason));
    }
}
