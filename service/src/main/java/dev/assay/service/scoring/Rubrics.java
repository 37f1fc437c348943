package dev.assay.service.scoring;

import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.NotFound;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.RubricDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.Sql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The hiring team's rubric workflow for a role stage: save a draft (from the form or as YAML), preview it by
 * rescoring every past attempt of the stage from stored results and listing each recommendation that would change,
 * then apply it (the draft becomes the active version and every attempt is rescored into its grade log) or
 * discard it. Only admins reach these calls (the resources check it).
 */
public final class Rubrics {
    /** An attempt whose recommendation the draft changes. */
    public record Change(long assessmentId, String candidate, Verdict from, Verdict to, List<String> reasons) {}

    /**
     * What a draft would do: every changed recommendation, and how many attempts it scored in all. {@code
     * revision} names the exact text previewed; apply takes it back, so what is applied is what was seen.
     */
    public record Preview(int version, String revision, int attempts, List<Change> changes) {}

    /** A short digest of a draft's text: the same text, the same revision. */
    public static String revision(String yaml) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private final Jdbi jdbi;
    private final LabCatalog catalog;
    private final Scoring scoring;
    private final Clock clock;

    public Rubrics(Jdbi jdbi, LabCatalog catalog, Scoring scoring, Clock clock) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** The role and stage, or 404. */
    public Role role(String roleId, String stage) {
        Role role = catalog.role(roleId).orElseThrow(() -> new NotFound("no role " + roleId));
        if (role.stages().stream().noneMatch(s -> s.id().equals(stage))) {
            throw new NotFound("role " + roleId + " has no stage " + stage);
        }
        return role;
    }

    public Rubric active(Role role, String stage) {
        return scoring.activeRubric(role, stage);
    }

    public Optional<RubricDao.Stored> draft(Role role, String stage) {
        return jdbi.withExtension(RubricDao.class, dao -> dao.latest(role.id(), stage, RubricDao.DRAFT));
    }

    public List<RubricDao.Stored> history(Role role, String stage) {
        return jdbi.withExtension(RubricDao.class, dao -> dao.history(role.id(), stage));
    }

    /**
     * Validates the YAML and keeps it as the stage's draft (the one draft is updated, or a new version made).
     * {@code base} is the revision of the draft the editor started from ("none" when there was none): when someone
     * saved another draft since, nothing is overwritten and the editor is told to reload.
     */
    public Rubric saveDraft(Role role, String stage, String yaml, String base, long userId) {
        String current = draft(role, stage).map(d -> revision(d.yaml())).orElse("none");
        if (!current.equals(base)) {
            throw new InvalidInputException("someone saved another draft of this rubric since you opened it; reload the"
                    + " page to see it (your text is below, not saved)");
        }
        if (yaml.length() > 64 * 1024) {
            throw new InvalidInputException("the rubric is " + yaml.length() + " characters; at most 65536");
        }
        RubricYaml.read(yaml, role, stage, catalog, 0);
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> {
                    RubricDao dao = handle.attach(RubricDao.class);
                    Optional<RubricDao.Stored> draft = dao.latest(role.id(), stage, RubricDao.DRAFT);
                    int version;
                    if (draft.isPresent() && dao.updateDraft(draft.get().id(), yaml, userId, clock.instant()) == 1) {
                        version = draft.get().version();
                    } else {
                        version = dao.maxVersion(role.id(), stage) + 1;
                        dao.insertDraft(role.id(), stage, version, yaml, userId, clock.instant());
                    }
                    return RubricYaml.read(yaml, role, stage, catalog, version);
                });
            } catch (UnableToExecuteStatementException e) {
                if (!Sql.isUniqueViolation(e) || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** Rescores every attempt of the stage under the draft and lists the recommendations that change. */
    public Preview preview(Role role, String stage, long userId) {
        RubricDao.Stored stored = draft(role, stage)
                .orElseThrow(() -> new InvalidInputException("there is no draft to preview; save one first"));
        Rubric draft = RubricYaml.readStored(stored.yaml(), role, stage, catalog, stored.version());
        Rubric active = active(role, stage);
        List<Change> changes = new ArrayList<>();
        List<AssessmentSummary> attempts = attempts(role, stage);
        for (AssessmentSummary attempt : attempts) {
            Scorecard now = scoring.rescore(attempt.assessmentId(), active);
            Scorecard then = scoring.rescore(attempt.assessmentId(), draft);
            Verdict from = now.recommendation().verdict();
            Verdict to = then.recommendation().verdict();
            if (from != to) {
                scoring.markSeen(attempt.assessmentId(), userId, "rubric preview");
                changes.add(new Change(
                        attempt.assessmentId(),
                        attempt.candidateName(),
                        from,
                        to,
                        then.recommendation().reasons()));
            }
        }
        return new Preview(stored.version(), revision(stored.yaml()), attempts.size(), changes);
    }

    /**
     * Makes the draft the active version (the previous one superseded) and appends a rescore to the grade log of
     * every attempt of the stage. A second apply of the same draft finds no draft and changes nothing.
     */
    public int apply(Role role, String stage, String previewed, long userId) {
        RubricDao.Stored stored = draft(role, stage)
                .orElseThrow(() -> new InvalidInputException(
                        "there is no draft to apply; it may have been applied or" + " discarded already"));
        if (!revision(stored.yaml()).equals(previewed)) {
            throw new InvalidInputException("the draft changed since this preview; preview it again before applying");
        }
        boolean moved = jdbi.inTransaction(handle -> {
            RubricDao dao = handle.attach(RubricDao.class);
            if (dao.move(stored.id(), RubricDao.DRAFT, RubricDao.ACTIVE, userId, clock.instant()) != 1) {
                return false;
            }
            dao.history(role.id(), stage).stream()
                    .filter(old -> old.id() != stored.id() && RubricDao.ACTIVE.equals(old.status()))
                    .forEach(
                            old -> dao.move(old.id(), RubricDao.ACTIVE, RubricDao.SUPERSEDED, userId, clock.instant()));
            return true;
        });
        if (!moved) {
            throw new InvalidInputException("the draft was applied or discarded by someone else just now; reload");
        }
        List<AssessmentSummary> attempts = attempts(role, stage);
        for (AssessmentSummary attempt : attempts) {
            scoring.record(attempt.assessmentId(), GradeEvents.RESCORED, userId);
        }
        return attempts.size();
    }

    /** Drops the draft; the active version stays. */
    public void discard(Role role, String stage, long userId) {
        RubricDao.Stored stored =
                draft(role, stage).orElseThrow(() -> new InvalidInputException("there is no draft to discard"));
        int moved = jdbi.withExtension(
                RubricDao.class,
                dao -> dao.move(stored.id(), RubricDao.DRAFT, RubricDao.DISCARDED, userId, clock.instant()));
        if (moved != 1) {
            throw new InvalidInputException("the draft was applied or discarded by someone else just now; reload");
        }
    }

    /** The stage's assessments that have at least one graded lab, newest first. */
    private List<AssessmentSummary> attempts(Role role, String stage) {
        return jdbi
                .withHandle(handle -> handle.createQuery("SELECT DISTINCT s.assessment_id FROM lab_sessions s"
                                + " JOIN assessments a ON a.id = s.assessment_id"
                                + " WHERE a.role_id = :role AND a.stage = :stage AND s.state = :graded"
                                + " ORDER BY s.assessment_id DESC")
                        .bind("graded", SessionState.GRADED)
                        .bind("role", role.id())
                        .bind("stage", stage)
                        .mapTo(Long.class)
                        .list())
                .stream()
                .map(scoring::assessment)
                .toList();
    }
}
