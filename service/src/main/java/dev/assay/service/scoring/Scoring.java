package dev.assay.service.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.StoredCheckResult;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Scores an assessment's stage from the stored final results of its labs (never by running a grader), under the
 * catalog's rubric or a draft one, and records each new score in the grade log with the versions that made it.
 */
public final class Scoring {
    public static final String SCORED = "scored";

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final GradeLog log;
    private final ObjectMapper json;

    public Scoring(Jdbi jdbi, LabCatalog catalog, GradeLog log, ObjectMapper json) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.log = log;
        this.json = json;
    }

    /** The stage's scorecard under the catalog's current rubric. */
    public Scorecard current(long assessmentId) {
        return rescore(assessmentId, catalog::lab);
    }

    /**
     * The scorecard with the labs (points, skill weights, gates) that {@code rubric} gives, from the same stored
     * credits: what a draft rubric would make of past attempts. Labs not yet graded count as missing evidence.
     */
    public Scorecard rescore(long assessmentId, Function<String, Optional<Lab>> rubric) {
        AssessmentSummary assessment = jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .orElseThrow(() -> new NotFoundException("no assessment " + assessmentId));
        Role role = catalog.role(assessment.roleId())
                .orElseThrow(() -> new IllegalStateException("role " + assessment.roleId() + " is not in the catalog"));
        List<String> labs = role.stages().stream()
                .filter(stage -> stage.id().equals(assessment.stage()))
                .flatMap(stage -> stage.labs().stream())
                .toList();
        Map<String, LabSession> latest =
                jdbi.withExtension(LabSessionDao.class, dao -> dao.forAssessment(assessmentId)).stream()
                        .collect(Collectors.toMap(
                                LabSession::labId, s -> s, (a, b) -> b.attempt() > a.attempt() ? b : a));
        List<ScoringModel.Item> items = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        for (String labId : labs) {
            Optional<Lab> lab = rubric.apply(labId);
            if (lab.isEmpty()) {
                continue;
            }
            versions.put("lab:" + labId, lab.get().version());
            Map<String, StoredCheckResult> rows = finalRows(latest.get(labId));
            for (Lab.Check check : lab.get().checks()) {
                StoredCheckResult row = rows.get(check.id());
                Double credit = row != null && row.trusted() ? row.credit() : null;
                if (row != null) {
                    versions.put("grader:" + row.graderId(), row.graderVersion());
                }
                items.add(
                        new ScoringModel.Item(labId, check.id(), check.points(), check.skills(), check.gate(), credit));
            }
        }
        return ScoringModel.score(role, assessment.stage(), items, versions);
    }

    private Map<String, StoredCheckResult> finalRows(@Nullable LabSession session) {
        if (session == null || LabSession.LIVE.contains(session.state())) {
            return Map.of();
        }
        return jdbi.withExtension(CheckResultDao.class, dao -> dao.ofRun(session.finalRun())).stream()
                .collect(Collectors.toMap(StoredCheckResult::checkId, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    /** Scores the assessment now and appends the scorecard to its grade log. */
    public Scorecard record(long assessmentId) {
        Scorecard card = current(assessmentId);
        try {
            log.append(assessmentId, SCORED, null, json.writeValueAsString(card));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scorecard", e);
        }
        return card;
    }
}
