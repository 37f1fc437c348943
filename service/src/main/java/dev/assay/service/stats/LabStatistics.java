package dev.assay.service.stats;

import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
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
            String note) {}

    private final Jdbi jdbi;
    private final LabCatalog catalog;

    public LabStatistics(Jdbi jdbi, LabCatalog catalog) {
        this.jdbi = jdbi;
        this.catalog = catalog;
    }

    /** The report for a lab of the catalog at {@code version} (its current one when null); empty for no such lab. */
    public Optional<Report> of(String labId, @Nullable String version) {
        Optional<Lab> found = catalog.lab(labId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Lab lab = found.get();
        String wanted = version == null ? lab.version() : version;
        Map<Long, Map<String, Double>> byAttempt = credits(labId, wanted);
        List<String> checks = lab.checks().stream().map(Lab.Check::id).toList();
        List<double[]> rows = new ArrayList<>();
        for (Map<String, Double> attempt : byAttempt.values()) {
            if (attempt.keySet().containsAll(checks)) {
                rows.add(checks.stream().mapToDouble(attempt::get).toArray());
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
        return Optional.of(new Report(
                labId,
                wanted,
                rows.size(),
                byAttempt.size() - rows.size(),
                ItemStatistics.items(checks, scores),
                alpha,
                "Left out: attempts with a check that could not be graded. Override rate and agreement with"
                        + " interviewers need interviewer ratings, which come with the review pages."));
    }

    /** Final credits of graded attempts at that version: attempt to check to credit (ungraded checks absent). */
    private Map<Long, Map<String, Double>> credits(String labId, String version) {
        Map<Long, Map<String, Double>> byAttempt = new TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT r.lab_session_id, r.check_id, r.credit FROM check_results r"
                        + " JOIN lab_sessions s ON s.id = r.lab_session_id"
                        + " WHERE s.lab_id = :lab AND s.lab_version = :version AND s.state = 'graded'"
                        + " AND r.purpose = 'final'")
                .bind("lab", labId)
                .bind("version", version)
                .map((rs, ctx) -> {
                    long attempt = rs.getLong(1);
                    String check = rs.getString(2);
                    double credit = rs.getDouble(3);
                    Map<String, Double> attemptCredits = byAttempt.computeIfAbsent(attempt, id -> new HashMap<>());
                    if (!rs.wasNull()) {
                        attemptCredits.put(check, credit);
                    }
                    return attempt;
                })
                .list());
        return byAttempt;
    }
}
