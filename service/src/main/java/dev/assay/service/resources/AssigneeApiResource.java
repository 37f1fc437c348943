package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssignmentDao;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.scoring.Scoring;
import dev.assay.service.web.AssessmentScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Who on staff is assigned to an assessment: staff who may open it read the list; admins assign ({@code PUT}) and
 * unassign ({@code DELETE}) by email. Both answer the list as it stands; repeating either changes nothing.
 */
@Path("/api/v1/assessments/{id}/assignees")
@Produces(MediaType.APPLICATION_JSON)
@AssessmentScoped
public class AssigneeApiResource {
    private final Assignments assignments;
    private final Scoring scoring;

    public AssigneeApiResource(Assignments assignments, Scoring scoring) {
        this.assignments = assignments;
        this.scoring = scoring;
    }

    @GET
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    public List<AssignmentDao.Assignee> list(@PathParam("id") long id) {
        scoring.assessment(id);
        return assignments.assignees(id);
    }

    @PUT
    @Path("{email}")
    @RolesAllowed(Role.STAFF_ADMIN)
    public List<AssignmentDao.Assignee> assign(
            @Context SecurityContext security, @PathParam("id") long id, @PathParam("email") String email) {
        scoring.assessment(id);
        assignments.assign(id, assignments.staff(email), Actor.staffOf(security).id());
        return assignments.assignees(id);
    }

    @DELETE
    @Path("{email}")
    @RolesAllowed(Role.STAFF_ADMIN)
    public List<AssignmentDao.Assignee> unassign(
            @Context SecurityContext security, @PathParam("id") long id, @PathParam("email") String email) {
        scoring.assessment(id);
        assignments.unassign(id, email, Actor.staffOf(security).id());
        return assignments.assignees(id);
    }
}
