package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.Role;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.design.DesignDocuments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The design editor of a system-design lab: the candidate's own active attempt only. Loads the documents from the
 * lab, checks a draft (problems, or a drawing), and saves both documents into the lab.
 */
@Path("/assessment/labs/{labId}/design")
@RolesAllowed(Role.CANDIDATE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class DesignResource {
    private final Jdbi jdbi;
    private final DesignDocuments documents;

    public DesignResource(Jdbi jdbi, DesignDocuments documents) {
        this.jdbi = jdbi;
        this.documents = documents;
    }

    /** A draft as the editor sends it. */
    public record Draft(String yaml, String notes) {}

    @GET
    public Map<String, String> load(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        return documents.load(active(request, labId).id());
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> preview(
            @Context ContainerRequestContext request, @PathParam("labId") String labId, Draft draft) {
        active(request, labId);
        return body(DesignDocuments.preview(draft.yaml() == null ? "" : draft.yaml()));
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> save(
            @Context ContainerRequestContext request, @PathParam("labId") String labId, Draft draft) {
        LabSession session = active(request, labId);
        String yaml = draft.yaml() == null ? "" : draft.yaml();
        documents.save(session.id(), yaml, draft.notes() == null ? "" : draft.notes());
        Map<String, Object> body = body(DesignDocuments.preview(yaml));
        body.put("saved", true);
        return body;
    }

    private static Map<String, Object> body(DesignDocuments.Preview preview) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "problems",
                preview.problems().stream()
                        .map(p -> Map.of(
                                "path", p.path(),
                                "line", p.line(),
                                "column", p.column(),
                                "message", p.message(),
                                "fix", p.fix()))
                        .toList());
        body.put("svg", preview.svg() == null ? "" : preview.svg());
        return body;
    }

    private LabSession active(ContainerRequestContext request, String labId) {
        long assessmentId = Actor.of(request.getSecurityContext())
                .candidateAssessment()
                .orElseThrow(() -> new IllegalStateException("route reached without a candidate session"));
        return jdbi.withExtension(LabSessionDao.class, dao -> dao.latest(assessmentId, labId))
                .filter(s -> LabSession.ACTIVE.equals(s.state()))
                .orElseThrow(() -> new NotFoundException("no active lab " + labId + " in this assessment"));
    }
}
