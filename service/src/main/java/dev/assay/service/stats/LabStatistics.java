package dev.assay.service.stats;

import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.Rating;
import dev.assay.service.db.SessionState;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.sessions.Variants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Item statistics of one lab version from the final results stored for its graded attempts. An attempt with a
 * check that could not be graded is left out of every figure (and counted as such), so no figure mixes attempts
 * with and without a check.
 */
public final class LabStatistics {
    /** What the hiring team reads: N, how many attempts were left out and why, per-check figures, alpha per skill. */
    public record Report(
            String lab,
            String version,
            int attempts,
            int leftOut,
            List<ItemStatistics.Item> checks,
            Map<String, @Nullable Double> alphaBySkill,
            Map<String, @Nullable Double> overrideRates,
            @Nullable Double kappa,
            int kappaPairs,
            int[] scoreHistogram,
            VariantStatistics.Report variants,
            String note) {}

    /** Bins of the lab-score histogram: [0, 0.1), [0.1, 0.2), ... [0.9, 1]. */
    public static final int BINS = 10;

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final Scoring scoring;

    public LabStatistics(Jdbi jdbi, LabCatalog catalog, Scoring scoring) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.scoring = scoring;
    }

    /** The report for a lab of the catalog at {@code version} (its current one when null); empty for no such lab. */
    public Optional<Report> of(String labId, @Nullable String version) {
        Optional<Lab> found = catalog.lab(labId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Lab lab = found.get();
        String wanted = version == null ? lab.version() : version;
        Map<Long, Long> assessments = new HashMap<>();
        Map<Long, Map<String, Double>> byAttempt = credits(labId, wanted, assessments);
        List<String> checks = lab.checks().stream().map(Lab.Check::id).toList();
        List<double[]> rows = new ArrayList<>();
        Map<Long, Long> counted = new LinkedHashMap<>();
        for (Map.Entry<Long, Map<String, Double>> attempt : byAttempt.entrySet()) {
            if (attempt.getValue().keySet().containsAll(checks)) {
                rows.add(checks.stream().mapToDouble(attempt.getValue()::get).toArray());
                counted.put(attempt.getKey(), assessments.get(attempt.getKey()));
            }
        }
        double[][] scores = rows.toArray(double[][]::new);
        Map<String, @Nullable Double> alpha = new LinkedHashMap<>();
        for (String skill : lab.skills().keySet()) {
            int[] columns = java.util.stream.IntStream.range(0, checks.size())
                    .filter(j -> lab.checks().get(j).skills().getOrDefault(skill, 0.0) > 0)
                    .toArray();
            double[][] ofSkill = rows.stream()
                    .map(row -> java.util.Arrays.stream(columns)
                            .mapToDouble(j -> row[j])
                            .toArray())
                    .toArray(double[][]::new);
            alpha.put(skill, ItemStatistics.cronbachAlpha(ofSkill));
        }
        Agreement agreement = agreement(lab, counted);
        return Optional.of(new Report(
                labId,
                wanted,
                rows.size(),
                byAttempt.size() - rows.size(),
                ItemStatistics.items(checks, scores),
                alpha,
                agreement.overrideRates(),
                ItemStatistics.cohenKappa(agreement.automated(), agreement.interviewer()),
                agreement.automated().length,
                histogram(lab, scores),
                VariantStatistics.of(
                        lab,
                        scores,
                        counted.keySet().stream()
                                .map(attempt -> Variants.recorded(jdbi, attempt).orElse(Map.of()))
                                .toList()),
                "Left out: attempts with a check that could not be graded. Agreement: Cohen's kappa between the"
                        + " automated rating of each skill this lab measures and the interviewers' ratings of it. Variants: per value of each parameter drawn by at least"
                        + " 5 attempts (and 5 others), its pass rate (every gate, half the points) against the rest's,"
                        + " Fisher's exact test; flagged below p 0.05 shared among the values tested."));
    }

    private record Agreement(Map<String, @Nullable Double> overrideRates, int[] automated, int[] interviewer) {}

    /**
     * Override rate per check, and the (automated, interviewer) rating pairs of the lab's skills, from each
     * interviewer's unanchored rating. {@code attempts} maps each counted attempt to its assessment.
     */
    private Agreement agreement(Lab lab, Map<Long, Long> attempts) {
        Map<String, Integer> overridden = new HashMap<>();
        List<Integer> automated = new ArrayList<>();
        List<Integer> interviewer = new ArrayList<>();
        for (Map.Entry<Long, Long> attempt : attempts.entrySet()) {
            long assessment = attempt.getValue();
            GradeEvents.Review review = scoring.review(assessment);
            for (Lab.Check check : lab.checks()) {
                if (review.override(attempt.getKey(), lab.id(), check.id()) != null) {
                    overridden.merge(check.id(), 1, Integer::sum);
                }
            }
            if (review.ratings().isEmpty()) {
                continue;
            }
            Map<String, Rating> auto = new HashMap<>();
            scoring.automated(assessment).skills().forEach(skill -> {
                if (skill.rating() != null) {
                    auto.put(skill.id(), skill.rating());
                }
            });
            for (var rating : review.unanchoredRatings().values()) {
                rating.value().skills().forEach((skill, given) -> {
                    Rating machine = auto.get(skill);
                    Optional<Rating> person = Rating.parse(given);
                    if (machine != null && person.isPresent() && lab.skills().containsKey(skill)) {
                        automated.add(machine.ordinal());
                        interviewer.add(person.get().ordinal());
                    }
                });
            }
        }
        Map<String, @Nullable Double> rates = new LinkedHashMap<>();
        for (Lab.Check check : lab.checks()) {
            rates.put(check.id(), ItemStatistics.overrideRate(overridden.getOrDefault(check.id(), 0), attempts.size()));
        }
        return new Agreement(
                rates,
                automated.stream().mapToInt(Integer::intValue).toArray(),
                interviewer.stream().mapToInt(Integer::intValue).toArray());
    }

    /** How many attempts scored in each tenth of the lab's points. */
    static int[] histogram(Lab lab, double[][] scores) {
        int[] bins = new int[BINS];
        double total = lab.points();
        for (double[] row : scores) {
            double earned = 0;
            for (int j = 0; j < row.length; j++) {
                earned += row[j] * lab.checks().get(j).points();
            }
            double share = total == 0 ? 0 : earned / total;
            bins[Math.min(BINS - 1, (int) Math.floor(share * BINS + 1e-9))]++;
        }
        return bins;
    }

    /** Final credits of graded attempts at that version: attempt to check to credit (ungraded checks absent). */
    private Map<Long, Map<String, Double>> credits(String labId, String version, Map<Long, Long> assessments) {
        Map<Long, Map<String, Double>> byAttempt = new TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT r.lab_session_id, r.check_id, r.credit, s.assessment_id"
                        + " FROM check_results r JOIN lab_sessions s ON s.id = r.lab_session_id"
                        + " WHERE s.lab_id = :lab AND s.lab_version = :version AND s.state = :graded"
                        + " AND r.purpose = 'final'")
                .bind("graded", SessionState.GRADED)
                .bind("lab", labId)
                .bind("version", version)
                .map((rs, ctx) -> {
                    long attempt = rs.getLong(1);
                    String check = rs.getString(2);
                    double credit = rs.getDouble(3);
                    boolean missing = rs.wasNull();
                    assessments.put(attempt, rs.getLong(4));
                    Map<String, Double> attemptCredits = byAttempt.computeIfAbsent(attempt, id -> new HashMap<>());
                    if (!missing) {
                        attemptCredits.put(check, credit);
                    }
                    return attempt;
                })
                .list());
        return byAttempt;
    }
}
