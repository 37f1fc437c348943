package dev.assay.service.resources;

import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.EnvironmentHandleDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.LabSessionEvent;
import dev.assay.service.db.StoredHandle;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.LabResult;
import dev.assay.service.sessions.LabSessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** Staff view of an assessment's lab sessions: state, deadline, environment and the full event log. */
@Path("/api/v1/assessments/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
public class LabSessionApiResource {

    /** The environment a session runs in, as the driver names it. */
    public record Environment(String driver, String externalId) {}

    /** A session with its environment (while it has one) and every transition. */
    public record Detail(LabSession session, @Nullable Environment environment, List<LabSessionEvent> events) {}

    private final Jdbi jdbi;
    private final LabSessions sessions;
    private final Grading grading;

    public LabSessionApiResource(Jdbi jdbi, LabSessions sessions, Grading grading) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.grading = grading;
    }

    /** The final result of one session of the assessment (schema assay.result/1, docs/results.md). */
    @GET
    @Path("{sessionId}/result")
    public LabResult result(@PathParam("id") long assessmentId, @PathParam("sessionId") long sessionId) {
        boolean ours = sessions.sessionsOf(assessmentId).stream().anyMatch(s -> s.id() == sessionId);
        if (!ours) {
            throw new NotFoundException("no lab session " + sessionId + " in assessment " + assessmentId);
        }
        return grading.finalResult(sessionId)
                .orElseThrow(() -> new NotFoundException("lab session " + sessionId + " has no final result yet"));
    }

    @GET
    public List<Detail> list(@PathParam("id") long assessmentId) {
        if (jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessmentId))
                .isEmpty()) {
            throw new NotFoundException("no assessment " + assessmentId);
        }
        return sessions.sessionsOf(assessmentId).stream().map(this::detail).toList();
    }

    private Detail detail(LabSession session) {
        Environment environment = jdbi.withExtension(EnvironmentHandleDao.class, dao -> dao.forSession(session.id()))
                .map((StoredHandle stored) -> new Environment(stored.driver(), stored.externalId()))
                .orElse(null);
        List<LabSessionEvent> events = jdbi.withExtension(LabSessionDao.class, dao -> dao.events(session.id()));
        return new Detail(session, environment, events);
    }
}
