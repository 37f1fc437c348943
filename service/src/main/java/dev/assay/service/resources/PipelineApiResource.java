package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.Role;
import dev.assay.service.scoring.CandidateScorecard;
import dev.assay.service.scoring.PipelineCsv;
import dev.assay.service.scoring.Pipelines;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.web.AssessmentScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The candidate-level scorecard of the plan an assessment belongs to, as CSV (one row per skill of the role), for a
 * spreadsheet or an applicant-tracking system. Reading it counts as seeing the assessment's automated grade.
 */
@Path("/api/v1/assessments/{id}/pipeline.csv")
@Produces("text/csv")
@RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
@AssessmentScoped
public class PipelineApiResource {
    private final Pipelines pipelines;
    private final Scoring scoring;

    public PipelineApiResource(Pipelines pipelines, Scoring scoring) {
        this.pipelines = pipelines;
        this.scoring = scoring;
    }

    @GET
    public Response csv(@Context SecurityContext security, @PathParam("id") long id) {
        CandidateScorecard card = pipelines.of(id);
        scoring.markSeen(id, Actor.staffOf(security).id(), "pipeline CSV");
        return Response.ok(PipelineCsv.of(id, card))
                .header("Content-Disposition", "attachment; filename=\"pipeline-" + id + ".csv\"")
                .build();
    }
}
