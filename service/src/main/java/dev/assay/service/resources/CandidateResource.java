package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.views.AssessmentView;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jdbi.v3.core.Jdbi;

/** The candidate's side: only the assessment their accepted invitation opened. */
@Path("/assessment")
@RolesAllowed(Role.CANDIDATE_ROLE)
@Produces(MediaType.TEXT_HTML)
public class CandidateResource {
    private final Jdbi jdbi;

    public CandidateResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @GET
    public AssessmentView overview(@Context ContainerRequestContext request) {
        long assessmentId = Actor.of(request.getSecurityContext())
                .candidateAssessment()
                .orElseThrow(() -> new IllegalStateException("route reached without a candidate session"));
        return jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .map(summary -> new AssessmentView(BrowserSessionFilter.csrfToken(request), summary))
                .orElseThrow(() -> new NotFoundException("assessment " + assessmentId + " is gone"));
    }
}
