package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.Lab;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.LabSession;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.grading.Grading;
import dev.assay.service.sessions.LabSessions;
import dev.assay.service.views.AssessmentView;
import dev.assay.service.views.LabCard;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The candidate's side: only the assessment their accepted invitation opened. Lab ids come from the path, but
 * every lookup is scoped to the caller's assessment, so another candidate's ids lead nowhere (404).
 */
@Path("/assessment")
@RolesAllowed(Role.CANDIDATE_ROLE)
@Produces(MediaType.TEXT_HTML)
public class CandidateResource {
    private final Jdbi jdbi;
    private final LabSessions sessions;
    private final Grading grading;

    public CandidateResource(Jdbi jdbi, LabSessions sessions, Grading grading) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.grading = grading;
    }

    @GET
    public AssessmentView overview(@Context ContainerRequestContext request) {
        AssessmentSummary assessment = assessment(request);
        Map<String, LabSession> latest = sessions.sessionsOf(assessment.assessmentId()).stream()
                .collect(Collectors.toMap(LabSession::labId, Function.identity(), (a, b) -> b));
        List<LabCard> cards = sessions.labsOf(assessment).stream()
                .map((Lab lab) -> LabCard.of(lab, latest.get(lab.id())))
                .toList();
        return new AssessmentView(BrowserSessionFilter.csrfToken(request), assessment, cards);
    }

    /**
     * Starts a lab of the caller's stage (or finds the attempt already made) and returns to the overview. A
     * failure to prepare the environment is shown there; an unreachable engine answers 503 with Retry-After.
     */
    @POST
    @Path("labs/{labId}/start")
    public Response start(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        AssessmentSummary assessment = assessment(request);
        try {
            sessions.start(assessment.assessmentId(), labId);
        } catch (EnvironmentException.EngineUnavailable e) {
            throw e;
        } catch (EnvironmentException e) {
            // recorded as provision_failed with its cause; the overview offers "Try again"
        }
        return Response.seeOther(URI.create("/assessment")).build();
    }

    /**
     * Hands the lab in: the final grading runs (every check, hidden ones too) and the environment is removed. A
     * second submit, from a double click or another tab, changes nothing. Only the caller's own attempt is found.
     */
    @POST
    @Path("labs/{labId}/submit")
    public Response submit(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        AssessmentSummary assessment = assessment(request);
        LabSession session = sessions.sessionsOf(assessment.assessmentId()).stream()
                .filter(s -> s.labId().equals(labId))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new NotFoundException("no started lab " + labId + " in this assessment"));
        grading.submit(session.id(), "submitted by the candidate");
        return Response.seeOther(URI.create("/assessment")).build();
    }

    private AssessmentSummary assessment(ContainerRequestContext request) {
        long assessmentId = Actor.of(request.getSecurityContext())
                .candidateAssessment()
                .orElseThrow(() -> new IllegalStateException("route reached without a candidate session"));
        return jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .orElseThrow(() -> new NotFoundException("assessment " + assessmentId + " is gone"));
    }
}
