package dev.assay.service.resources;

import com.codahale.metrics.annotation.Timed;
import dev.assay.service.auth.Actor;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.StaffSearch;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.CandidateScorecard;
import dev.assay.service.scoring.Pipelines;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.web.AssessmentScoped;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Automation: invite a candidate to a role stage, list and read assessments. An interviewer lists and reads only the
 * assessments they are assigned to; the admin who invites is assigned to the new assessment.
 */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentApiResource {

    private final SessionReads reads;
    private final InvitationService invitations;
    private final Scoring scoring;
    private final Assignments assignments;
    private final Pipelines pipelines;

    public AssessmentApiResource(
            SessionReads reads,
            InvitationService invitations,
            Scoring scoring,
            Assignments assignments,
            Pipelines pipelines) {
        this.pipelines = pipelines;
        this.reads = reads;
        this.invitations = invitations;
        this.scoring = scoring;
        this.assignments = assignments;
    }

    /**
     * The stage scored now from the stored results of its labs (schema assay.scorecard/1): skills with score,
     * coverage and rating or the reason for no decision, and the recommendation with its reasons. Reading it
     * counts as seeing the automated grade (a later rating by the same person is not blind).
     */
    @GET
    @Path("{id}/scorecard")
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    @AssessmentScoped
    public Scorecard scorecard(@Context SecurityContext security, @PathParam("id") long id) {
        Scorecard card = scoring.current(id);
        scoring.markSeen(id, Actor.staffOf(security).id(), "scorecard API");
        return card;
    }

    /**
     * The candidate-level scorecard ({@value CandidateScorecard#SCHEMA}) of the hiring plan this assessment is a
     * stage of: every stage of the role and where it stands, each skill decided from every stage's evidence with
     * where it came from, and the recommendation over all the role's must-haves. Reading it counts as seeing the
     * automated grade of this assessment.
     */
    @GET
    @Path("{id}/pipeline")
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    @AssessmentScoped
    public CandidateScorecard pipeline(@Context SecurityContext security, @PathParam("id") long id) {
        CandidateScorecard card = pipelines.of(id);
        scoring.markSeen(id, Actor.staffOf(security).id(), "pipeline API");
        return card;
    }

    /** The same scorecard as CSV (one row per skill), for a spreadsheet or an applicant-tracking system. */
    @GET
    @Path("{id}/scorecard.csv")
    @Produces("text/csv")
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    @AssessmentScoped
    public Response scorecardCsv(@Context SecurityContext security, @PathParam("id") long id) {
        Scorecard card = scoring.current(id);
        scoring.markSeen(id, Actor.staffOf(security).id(), "scorecard CSV");
        return Response.ok(dev.assay.service.scoring.ScorecardCsv.of(id, card))
                .header("Content-Disposition", "attachment; filename=\"scorecard-" + id + ".csv\"")
                .build();
    }

    /**
     * Creates candidate, assessment (with its labs, composed or picked) and invitation; the link in the answer is
     * shown this once only.
     */
    @POST
    @RolesAllowed(Role.STAFF_ADMIN)
    @Timed(name = "invite")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@Context SecurityContext security, InviteRequests.@Nullable One request) {
        if (request == null
                || request.email() == null
                || request.name() == null
                || request.roleId() == null
                || request.stage() == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, InviteRequests.USAGE);
        }
        User admin = Actor.staffOf(security);
        InvitationService.Created created = invitations.invite(
                request.email(),
                request.name(),
                request.roleId(),
                request.stage(),
                admin.id(),
                InviteRequests.choice(request.compose(), request.labs()));
        assignments.assign(created.assessmentId(), admin, admin.id());
        return Response.created(URI.create("/api/v1/assessments/" + created.assessmentId()))
                .entity(created)
                .build();
    }

    /**
     * Invites many candidates of one role stage: every row is answered, in order, with its link or what was wrong
     * with it; a bad row does not stop the others. 200 when every row was invited, 207 when some were refused.
     */
    @POST
    @Path("bulk")
    @RolesAllowed(Role.STAFF_ADMIN)
    @Timed(name = "invite-bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response inviteMany(@Context SecurityContext security, InviteRequests.@Nullable Many request) {
        if (request == null || request.roleId() == null || request.stage() == null || request.candidates() == null) {
            return ErrorBody.response(
                    Response.Status.BAD_REQUEST,
                    "send {\"roleId\": ..., \"stage\": ..., \"candidates\": [{\"name\": ..., \"email\": ...}, ...]}"
                            + " and, as for one invitation, \"compose\": \"auto\" or \"labs\": [...]");
        }
        List<Map<String, Object>> rows =
                InviteRequests.inviteAll(request, invitations, assignments, Actor.staffOf(security));
        long refused = rows.stream().filter(row -> row.containsKey("error")).count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invited", rows.size() - refused);
        body.put("refused", refused);
        body.put("rows", rows);
        return Response.status(refused == 0 ? 200 : 207).entity(body).build();
    }

    /**
     * The assessments the caller may open, newest first: {@code limit} (1-1000) from {@code offset}, only those whose
     * candidate's name or e-mail contains {@code q} when it is given. {@code X-Total-Count} says how many match.
     */
    @GET
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    public Response list(
            @Context SecurityContext security,
            @QueryParam("limit") @DefaultValue("100") IntParam limit,
            @QueryParam("offset") @DefaultValue("0") IntParam offset,
            @QueryParam("q") @DefaultValue("") String q) {
        if (offset.get() < 0) {
            throw new InvalidInputException("offset must be 0 or more, not " + offset.get());
        }
        int bounded = Math.max(1, Math.min(limit.get(), 1000));
        User me = Actor.staffOf(security);
        StaffSearch search = StaffSearch.of(q);
        return Response.ok(assignments.assessments(me, search, offset.get(), bounded))
                .header("X-Total-Count", assignments.countAssessments(me, search))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    @AssessmentScoped
    public AssessmentSummary get(@PathParam("id") long id) {
        return reads.assessment(id).orElseThrow(() -> new NotFoundException("no assessment " + id));
    }
}
