package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import dev.assay.service.design.DesignDocuments;
import dev.assay.service.sessions.SessionReads;
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
import org.jspecify.annotations.Nullable;

/**
 * The design editor of a system-design lab: the candidate's own active attempt only. Loads the documents from the
 * lab, checks a draft (problems, or a drawing), and saves both documents into the lab.
 */
@Path("/assessment/labs/{labId}/design")
@RolesAllowed(Role.CANDIDATE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class DesignResource {
    private final SessionReads reads;
    private final DesignDocuments documents;

    public DesignResource(SessionReads reads, DesignDocuments documents) {
        this.reads = reads;
        this.documents = documents;
    }

    /** A draft as the editor sends it. */
    public record Draft(@Nullable String yaml, @Nullable String notes) {}

    private record Checked(String yaml, String notes) {}

    @GET
    public Map<String, String> load(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        return documents.load(active(request, labId).id());
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> preview(
            @Context ContainerRequestContext request, @PathParam("labId") String labId, @Nullable Draft draft) {
        active(request, labId);
        return body(DesignDocuments.preview(checked(draft).yaml()));
    }

    @POST
    @Path("save")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> save(
            @Context ContainerRequestContext request, @PathParam("labId") String labId, @Nullable Draft draft) {
        LabSession session = active(request, labId);
        Checked checked = checked(draft);
        documents.save(session.id(), checked.yaml(), checked.notes());
        Map<String, Object> body = body(DesignDocuments.preview(checked.yaml()));
        body.put("saved", true);
        return body;
    }

    /** A draft with absent notes empty; a missing body or design, or parts over their size, refused with how to fix. */
    private static Checked checked(@Nullable Draft draft) {
        if (draft == null || draft.yaml() == null) {
            throw new InvalidInputException("send the draft as a JSON object: {\"yaml\": \"...\", \"notes\": \"...\"}");
        }
        String yaml = draft.yaml();
        String notes = draft.notes() == null ? "" : draft.notes();
        int yamlBytes = yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int notesBytes = notes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (yamlBytes > DesignDocuments.MAX_DESIGN_BYTES || notesBytes > DesignDocuments.MAX_NOTES_BYTES) {
            throw new InvalidInputException("the design may have " + DesignDocuments.MAX_DESIGN_BYTES
                    + " bytes and the notes " + DesignDocuments.MAX_NOTES_BYTES + "; these have " + yamlBytes
                    + " and " + notesBytes + ": shorten them");
        }
        return new Checked(yaml, notes);
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
        return reads.latest(assessmentId, labId)
                .filter(s -> s.state() == SessionState.ACTIVE)
                .orElseThrow(() -> new NotFoundException("no active lab " + labId + " in this assessment"));
    }
}
