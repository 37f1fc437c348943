package dev.assay.service.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.NotFound;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.RubricDao;
import dev.assay.service.db.StoredCheckResult;
import dev.assay.service.db.UserDao;
import dev.assay.service.sessions.AssessmentLabs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Scores an assessment's stage from the stored final results of its labs (never by running a grader), under the
 * stage's active rubric or a draft one, with the interviewers' overrides from the grade log applied: the current
 * grade is a projection of stored results and logged events. Each new score is appended to the grade log with
 * the versions that made it.
 */
public final class Scoring {
    public static final String SCORED = GradeEvents.SCORED;

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

    public GradeLog log() {
        return log;
    }

    /** The assessment, or 404. */
    public AssessmentSummary assessment(long assessmentId) {
        return jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .orElseThrow(() -> new NotFound("no assessment " + assessmentId));
    }

    /** The role of an assessment, from the catalog. */
    public Role role(AssessmentSummary assessment) {
        return catalog.role(assessment.roleId())
                .orElseThrow(() -> new IllegalStateException("role " + assessment.roleId() + " is not in the catalog"));
    }

    /** The stage's active rubric: the newest applied version, or the lab files' values (version 0). */
    public Rubric activeRubric(Role role, String stage) {
        return jdbi.withExtension(RubricDao.class, dao -> dao.latest(role.id(), stage, RubricDao.ACTIVE))
                .map(stored -> RubricYaml.readStored(stored.yaml(), role, stage, catalog, stored.version()))
                .orElseGet(() -> Rubric.ofFiles(role, stage, catalog));
    }

    /** The assessment's grade log, oldest first. */
    public List<GradeEventDao.Event> events(long assessmentId) {
        return jdbi.withExtension(GradeEventDao.class, dao -> dao.all(assessmentId));
    }

    /** The review the grade log adds up to. */
    public GradeEvents.Review review(long assessmentId) {
        return GradeEvents.project(events(assessmentId), json);
    }

    /** The stage's scorecard now: active rubric, stored results, the interviewers' overrides. */
    public Scorecard current(long assessmentId) {
        AssessmentSummary assessment = assessment(assessmentId);
        return rescore(assessmentId, activeRubric(role(assessment), assessment.stage()));
    }

    /**
     * The scorecard under {@code rubric} from the same stored credits and overrides: what a draft rubric would
     * make of a past attempt. Labs not yet graded count as missing evidence.
     */
    public Scorecard rescore(long assessmentId, Rubric rubric) {
        return rescore(assessmentId, rubric, review(assessmentId));
    }

    /** The scorecard as the graders alone make it: the active rubric, no interviewer's override. */
    public Scorecard automated(long assessmentId) {
        AssessmentSummary assessment = assessment(assessmentId);
        return rescore(assessmentId, activeRubric(role(assessment), assessment.stage()), GradeEvents.Review.NONE);
    }

    private Scorecard rescore(long assessmentId, Rubric rubric, GradeEvents.Review review) {
        AssessmentSummary assessment = assessment(assessmentId);
        Role role = rubric.applyTo(role(assessment));
        Collected collected = collect(assessment, rubric, review);
        Scorecard card = ScoringModel.score(role, assessment.stage(), collected.items(), collected.versions());
        return card.withReview(collected.applied(), decision(card, review));
    }

    /**
     * The assessment's checks as the scoring model weighs them now (the active rubric, the interviewers'
     * overrides): what the candidate-level scorecard adds up across stages.
     */
    public List<ScoringModel.Item> items(long assessmentId) {
        AssessmentSummary assessment = assessment(assessmentId);
        Rubric rubric = activeRubric(role(assessment), assessment.stage());
        return collect(assessment, rubric, review(assessmentId)).items();
    }

    /** The items of an assessment's labs, the overrides applied to them, and the versions they were scored at. */
    private record Collected(
            List<ScoringModel.Item> items, List<Scorecard.CheckOverride> applied, Map<String, String> versions) {}

    private Collected collect(AssessmentSummary assessment, Rubric rubric, GradeEvents.Review review) {
        Map<String, LabSession> latest = latestSessions(assessment.assessmentId());
        List<ScoringModel.Item> items = new ArrayList<>();
        List<Scorecard.CheckOverride> applied = new ArrayList<>();
        Map<String, String> versions = new TreeMap<>();
        versions.put("rubric", rubric.label());
        for (String labId : labsOf(assessment)) {
            Optional<Lab> found = catalog.lab(labId).map(rubric::applyTo);
            if (found.isEmpty()) {
                continue;
            }
            Lab lab = found.get();
            versions.put("lab:" + labId, lab.version());
            Map<String, StoredCheckResult> rows = finalRows(latest.get(labId));
            for (Lab.Check check : lab.checks()) {
                StoredCheckResult row = rows.get(check.id());
                Double credit = row != null && row.trusted() ? row.credit() : null;
                if (row != null) {
                    versions.put("grader:" + row.graderId(), row.graderVersion());
                }
                LabSession attempt = latest.get(labId);
                var override = attempt == null ? null : review.override(attempt.id(), labId, check.id());
                if (override != null) {
                    var o = override.value();
                    applied.add(
                            new Scorecard.CheckOverride(labId, check.id(), credit, o.to(), o.reason(), o.comment()));
                    credit = o.to();
                }
                items.add(new ScoringModel.Item(
                        labId, check.id(), check.points(), check.skills(), check.gate(), credit, heldFor(check, row)));
            }
        }
        return new Collected(items, applied, versions);
    }

    /**
     * Why a check's stored result cannot count (its grader reported it not gradable), or null. Items of the
     * interviewer's rubric wait for their rating, which the skills' coverage already reports.
     */
    private static @Nullable String heldFor(Lab.Check check, @Nullable StoredCheckResult row) {
        if (row == null || !"error".equals(row.status()) || "interviewer".equals(check.grader())) {
            return null;
        }
        return row.message() == null ? "no reason given" : row.message();
    }

    private Scorecard.@Nullable Decision decision(Scorecard card, GradeEvents.Review review) {
        var decided = review.decision();
        if (decided == null) {
            return null;
        }
        Long actor = decided.actor();
        String by = actor == null
                ? "unknown"
                : jdbi.withExtension(UserDao.class, dao -> dao.findById(actor))
                        .map(u -> u.displayName())
                        .orElse("user " + actor);
        var value = decided.value();
        return new Scorecard.Decision(
                Verdict.stored(value.to()),
                card.recommendation().verdict(),
                value.reason(),
                dev.assay.service.core.Inert.text(value.comment()),
                by);
    }

    /** The assessment's own labs (composed or picked), in order: what it is scored, reviewed and completed on. */
    public List<String> labsOf(AssessmentSummary assessment) {
        return AssessmentLabs.of(jdbi, assessment, catalog.role(assessment.roleId()));
    }

    /** The newest attempt of each lab of the assessment. */
    public Map<String, LabSession> latestSessions(long assessmentId) {
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.forAssessment(assessmentId)).stream()
                .collect(Collectors.toMap(
                        LabSession::labId, s -> s, (a, b) -> b.attempt() > a.attempt() ? b : a, LinkedHashMap::new));
    }

    /** The final check results of a handed-in session, by check id (none while it is live). */
    public Map<String, StoredCheckResult> finalRows(@Nullable LabSession session) {
        if (session == null || session.isLive()) {
            return Map.of();
        }
        return jdbi.withExtension(CheckResultDao.class, dao -> dao.ofRun(session.finalRun())).stream()
                .collect(Collectors.toMap(StoredCheckResult::checkId, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    /** Scores the assessment now and appends the scorecard to its grade log. */
    public Scorecard record(long assessmentId) {
        return record(assessmentId, SCORED, null);
    }

    /** Scores the assessment now and appends the scorecard as an event of {@code type} by {@code actor}. */
    public Scorecard record(long assessmentId, String type, @Nullable Long actor) {
        Scorecard card = current(assessmentId);
        log.append(assessmentId, type, actor, GradeEvents.write(json, card));
        return card;
    }

    /** Logs that a staff member has seen the automated grade of the assessment (once per person). */
    public void markSeen(long assessmentId, long userId, String where) {
        if (!review(assessmentId).seenBy().contains(userId)) {
            append(assessmentId, GradeEvents.SEEN, userId, Map.of("where", where));
        }
    }

    /** Appends an interviewer's event (override, note, rating) to the grade log. */
    public GradeEventDao.Event append(long assessmentId, String type, long actor, Object payload) {
        return log.append(assessmentId, type, actor, GradeEvents.write(json, payload));
    }
}
