package dev.assay.service.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.core.Role;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionEvent;
import dev.assay.service.db.RecordingDao;
import dev.assay.service.db.StoredHandle;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.LabResult;
import dev.assay.service.sessions.SessionEnvironments;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.terminal.Recordings;
import dev.assay.service.web.AssessmentScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Staff view of an assessment's lab sessions: state, deadline, environment and the full event log. */
@Path("/api/v1/assessments/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
@AssessmentScoped
public class LabSessionApiResource {

    /** The environment a session runs in, as the driver names it. */
    public record Environment(String driver, String externalId) {}

    /** A session with its environment (while it has one) and every transition. */
    public record Detail(LabSession session, @Nullable Environment environment, List<LabSessionEvent> events) {}

    private final SessionReads reads;
    private final SessionEnvironments environments;
    private final Recordings recordings;
    private final Grading grading;

    public LabSessionApiResource(
            SessionReads reads, SessionEnvironments environments, Recordings recordings, Grading grading) {
        this.reads = reads;
        this.environments = environments;
        this.recordings = recordings;
        this.grading = grading;
    }

    /** The final result of one session of the assessment (schema assay.result/1, docs/results.md). */
    @GET
    @Path("{sessionId}/result")
    public LabResult result(@PathParam("id") long assessmentId, @PathParam("sessionId") long sessionId) {
        requireSessionOf(assessmentId, sessionId);
        return grading.finalResult(sessionId)
                .orElseThrow(() -> new NotFoundException("lab session " + sessionId + " has no final result yet"));
    }

    /**
     * The session's terminal as asciicast v2 (a header line, then one event per line: {@code [seconds, code,
     * data]} with o output, i input, r resize, m marker), for replay in an asciicast player or the review page.
     */
    @GET
    @Path("{sessionId}/recording")
    @Produces("application/x-asciicast")
    public Response recording(@PathParam("id") long assessmentId, @PathParam("sessionId") long sessionId) {
        requireSessionOf(assessmentId, sessionId);
        RecordingDao.Header header = recordings
                .header(sessionId)
                .orElseThrow(() -> new NotFoundException("lab session " + sessionId + " has no terminal recording"));
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("version", 2);
        head.put("width", header.width());
        head.put("height", header.height());
        head.put("timestamp", header.startedAt().getEpochSecond());
        head.put("title", "lab session " + sessionId);
        head.put("env", Map.of("TERM", "xterm-256color", "SHELL", "/bin/bash"));
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(JSON.writeValueAsString(head));
            writer.write('\n');
            for (String chunk : recordings.chunks(sessionId)) {
                writer.write(chunk);
            }
            writer.flush();
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + ".cast\"")
                .build();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A session id from the path must belong to the assessment in the path (404 otherwise, whoever asks). */
    private void requireSessionOf(long assessmentId, long sessionId) {
        if (reads.sessionsOf(assessmentId).stream().noneMatch(s -> s.id() == sessionId)) {
            throw new NotFoundException("no lab session " + sessionId + " in assessment " + assessmentId);
        }
    }

    @GET
    public List<Detail> list(@PathParam("id") long assessmentId) {
        if (reads.assessment(assessmentId).isEmpty()) {
            throw new NotFoundException("no assessment " + assessmentId);
        }
        return reads.sessionsOf(assessmentId).stream().map(this::detail).toList();
    }

    private Detail detail(LabSession session) {
        Environment environment = environments
                .stored(session.id())
                .map((StoredHandle stored) -> new Environment(stored.driver(), stored.externalId()))
                .orElse(null);
        List<LabSessionEvent> events = reads.events(session.id());
        return new Detail(session, environment, events);
    }
}
