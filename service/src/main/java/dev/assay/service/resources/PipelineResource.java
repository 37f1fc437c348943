package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.Role;
import dev.assay.service.db.StaffSearch;
import dev.assay.service.db.User;
import dev.assay.service.views.PipelineView;
import dev.assay.service.views.PipelinesView;
import dev.assay.service.web.AssessmentScoped;
import dev.assay.service.web.BrowserSessionFilter;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The hiring team's view of candidates across the hiring plan: the list of plans (admins: every candidate;
 * interviewers: candidates with at least one assessment assigned to them) and one candidate's scorecard across the
 * plan, reached through any assessment of it the viewer may open (404 otherwise).
 */
@Path("/admin/pipelines")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
public class PipelineResource {
    private final PipelinePages pages;

    public PipelineResource(
            dev.assay.service.scopes.Assignments assignments,
            dev.assay.service.scoring.Pipelines pipelines,
            dev.assay.service.scoring.Scoring scoring) {
        this.pages = new PipelinePages(assignments, pipelines, scoring);
    }

    /** A page of the list ({@code page} from 1, 50 plans each), optionally only candidates matching {@code q}. */
    @GET
    public PipelinesView list(
            @Context ContainerRequestContext request,
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("page") @DefaultValue("1") IntParam page) {
        User me = Actor.staffOf(request.getSecurityContext());
        return new PipelinesView(
                BrowserSessionFilter.csrfToken(request),
                pages.rows(me, StaffSearch.of(q), page.get()),
                me.role() == Role.ADMIN);
    }

    /** The candidate page; reading it counts as seeing this assessment's automated grade, as the JSON does. */
    @GET
    @Path("{id}")
    @AssessmentScoped
    public PipelineView candidate(@Context ContainerRequestContext request, @PathParam("id") long id) {
        User me = Actor.staffOf(request.getSecurityContext());
        return new PipelineView(BrowserSessionFilter.csrfToken(request), pages.detail(me, id));
    }
}
