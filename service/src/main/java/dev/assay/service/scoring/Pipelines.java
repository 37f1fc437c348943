package dev.assay.service.scoring;

import dev.assay.service.catalog.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A candidate's hiring plan: their assessments for one role (a candidate is known by their email; every invitation
 * to a stage of the role joins the plan), the latest of each stage, scored together into one
 * {@link CandidateScorecard}.
 */
public final class Pipelines {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Jdbi jdbi;
    private final Scoring scoring;

    public Pipelines(Jdbi jdbi, Scoring scoring) {
        this.jdbi = jdbi;
        this.scoring = scoring;
    }

    /** The candidate-level scorecard of the plan the assessment belongs to. */
    public CandidateScorecard of(long assessmentId) {
        AssessmentSummary one = scoring.assessment(assessmentId);
        Role role = scoring.role(one);
        Map<String, AssessmentSummary> latest = new LinkedHashMap<>();
        jdbi.withExtension(AssessmentDao.class, dao -> dao.ofCandidate(one.candidateEmail(), one.roleId()))
                .forEach(assessment -> latest.put(assessment.stage(), assessment));
        List<PipelineModel.StageEvidence> stages = new ArrayList<>();
        for (Role.Stage stage : role.stages()) {
            AssessmentSummary taken = latest.get(stage.id());
            if (taken == null) {
                stages.add(new PipelineModel.StageEvidence(
                        PipelineModel.line(stage, null, "not invited", null), List.of()));
            } else {
                stages.add(evidence(stage, taken));
            }
        }
        return PipelineModel.score(role, one.candidateEmail(), one.candidateName(), stages);
    }

    private PipelineModel.StageEvidence evidence(Role.Stage stage, AssessmentSummary taken) {
        long id = taken.assessmentId();
        if (stage.kind() != Role.Kind.LABS) {
            List<ScoringModel.Item> questions = KitRatings.items(stage, scoring.events(id), JSON);
            long rated = questions.stream().filter(q -> q.credit() != null).count();
            String state = rated == 0 ? "invited" : rated == questions.size() ? "done" : "in progress";
            return new PipelineModel.StageEvidence(PipelineModel.line(stage, id, state, null), questions);
        }
        List<String> labs = scoring.labsOf(taken);
        Map<String, LabSession> sessions = scoring.latestSessions(id);
        boolean done = !labs.isEmpty()
                && labs.stream()
                        .allMatch(lab ->
                                sessions.containsKey(lab) && sessions.get(lab).state() == SessionState.GRADED);
        String state = done ? "done" : sessions.isEmpty() ? "invited" : "in progress";
        Verdict verdict = done ? scoring.current(id).finalVerdict() : null;
        return new PipelineModel.StageEvidence(PipelineModel.line(stage, id, state, verdict), scoring.items(id));
    }
}
