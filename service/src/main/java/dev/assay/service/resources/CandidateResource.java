package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.InstructionsRenderer;
import dev.assay.service.catalog.Lab;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionEvent;
import dev.assay.service.db.SessionState;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.grading.Grading;
import dev.assay.service.grading.LabResult;
import dev.assay.service.sessions.HandIn;
import dev.assay.service.sessions.LabSessions;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.sessions.StageWindow;
import dev.assay.service.terminal.Terminals;
import dev.assay.service.views.AssessmentView;
import dev.assay.service.views.DoneView;
import dev.assay.service.views.LabCard;
import dev.assay.service.views.LabPageView;
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
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The candidate's side: only the assessment their accepted invitation opened. Lab ids come from the path, but
 * every lookup is scoped to the caller's assessment, so another candidate's ids lead nowhere (404).
 */
@Path("/assessment")
@RolesAllowed(Role.CANDIDATE_ROLE)
@Produces(MediaType.TEXT_HTML)
public class CandidateResource {
    /** One progress check per lab session per this long: grading is real work on a shared machine. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);

    private final SessionReads reads;
    private final LabCatalog catalog;
    private final LabSessions sessions;
    private final Grading grading;
    private final Terminals terminals;
    private final Clock clock;
    private final InstructionsRenderer instructions = new InstructionsRenderer();

    public CandidateResource(
            SessionReads reads,
            LabCatalog catalog,
            LabSessions sessions,
            Grading grading,
            Terminals terminals,
            Clock clock) {
        this.reads = reads;
        this.catalog = catalog;
        this.sessions = sessions;
        this.grading = grading;
        this.terminals = terminals;
        this.clock = clock;
    }

    @GET
    public AssessmentView overview(@Context ContainerRequestContext request) {
        long assessmentId = assessmentId(request);
        dev.assay.service.db.CandidateReads.Status status =
                reads.status(assessmentId).orElseThrow(() -> gone(assessmentId)); // the page every candidate polls
        AssessmentSummary assessment = status.assessment();
        Map<String, LabSession> latest = status.sessions().stream()
                .collect(Collectors.toMap(LabSession::labId, Function.identity(), (a, b) -> b));
        List<Lab> labs = sessions.labsOf(assessment);
        StageWindow window = StageWindow.of(labs, status.sessions());
        Instant now = clock.instant();
        List<LabCard> cards = labs.stream()
                .map((Lab lab) -> LabCard.of(lab, latest.get(lab.id()), window.closedAt(now)))
                .toList();
        String stageTitle = catalog.role(assessment.roleId()).stream()
                .flatMap(role -> role.stages().stream())
                .filter(stage -> stage.id().equals(assessment.stage()))
                .map(dev.assay.service.catalog.Role.Stage::title)
                .findFirst()
                .orElse(assessment.stage());
        return new AssessmentView(
                BrowserSessionFilter.csrfToken(request),
                assessment,
                stageTitle,
                cards,
                labs.size() > 1 ? window.describe(now) : "");
    }

    /**
     * Starts a lab of the caller's stage (or finds the attempt already made) and opens its page. A failure to
     * prepare the environment is shown on the overview; an unreachable engine answers 503 with Retry-After.
     */
    @POST
    @Path("labs/{labId}/start")
    public Response start(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        AssessmentSummary assessment = assessment(request);
        try {
            LabSession session = sessions.start(assessment.assessmentId(), labId);
            if (session.state() == SessionState.ACTIVE) {
                return Response.seeOther(URI.create("/assessment/labs/" + labId))
                        .build();
            }
        } catch (EnvironmentException.EngineUnavailable e) {
            throw e;
        } catch (StageWindow.Closed e) {
            // the overview says when the window closed and shows no Start button
        } catch (EnvironmentException e) {
            // recorded as provision_failed with its cause; the overview offers "Try again"
        }
        return Response.seeOther(URI.create("/assessment")).build();
    }

    /** The lab page of an active attempt; a lab not started goes back to the overview, a finished one to done. */
    @GET
    @Path("labs/{labId}")
    public Response lab(@Context ContainerRequestContext request, @PathParam("labId") String labId) throws IOException {
        AssessmentSummary assessment = assessment(request);
        Optional<LabSession> found = latest(assessment, labId);
        if (found.isEmpty() || found.get().state() != SessionState.ACTIVE) {
            boolean finished = found.isPresent()
                    && found.get().state() != SessionState.PROVISIONING
                    && found.get().state() != SessionState.PROVISION_FAILED;
            return Response.seeOther(URI.create(finished ? "/assessment/labs/" + labId + "/done" : "/assessment"))
                    .build();
        }
        LabSession session = found.get();
        Lab lab = labOf(session);
        String html = instructions.render(
                lab.instructions(),
                new InstructionsRenderer.Variables(
                        assessment.candidateName().split("\\s+")[0],
                        lab.timeLimit(),
                        Map.of("lab", "lab"),
                        "",
                        sessions.values(session.id(), lab)));
        Instant deadline = session.deadlineAt() == null ? clock.instant() : session.deadlineAt();
        List<LabPageView.VisibleCheck> visible = lab.checks().stream()
                .filter(check -> check.visibility() == Lab.Visibility.CANDIDATE)
                .map(check -> new LabPageView.VisibleCheck(
                        check.id(), check.title(), check.hint() == null ? "" : check.hint()))
                .toList();
        return Response.ok(new LabPageView(
                        BrowserSessionFilter.csrfToken(request),
                        labId,
                        lab.title(),
                        html,
                        new LabPageView.Timer(
                                deadline,
                                Math.max(
                                        0,
                                        Duration.between(clock.instant(), deadline)
                                                .toSeconds()),
                                sessions.endsWithWindow(session)),
                        visible,
                        PROGRESS_INTERVAL.toSeconds(),
                        lab.checks().stream().anyMatch(check -> "design".equals(check.grader()))))
                .build();
    }

    /**
     * Runs the checks the candidate may see and says which pass, with their hints; hidden checks are neither run
     * nor named. One per {@link #PROGRESS_INTERVAL} per attempt (429 with Retry-After otherwise); nothing counts.
     */
    @POST
    @Path("labs/{labId}/check")
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        LabSession session = active(assessment(request), labId);
        Instant now = clock.instant();
        Optional<Instant> next = reads.takeProgressSlot(session.id(), now, PROGRESS_INTERVAL);
        if (next.isPresent()) {
            long wait = Math.max(1, Duration.between(now, next.get()).toSeconds() + 1);
            return Response.status(429)
                    .header("Retry-After", wait)
                    .entity(Map.of("error", "You can check again in " + wait + " seconds.", "retryAfter", wait))
                    .build();
        }
        LabResult result = grading.progress(session.id());
        Lab lab = labOf(session);
        Map<String, String> hints = new LinkedHashMap<>();
        lab.checks().forEach(check -> hints.put(check.id(), check.hint() == null ? "" : check.hint()));
        List<Map<String, Object>> checks = result.tests().stream()
                .map(outcome -> progressRow(outcome, hints.getOrDefault(outcome.id(), "")))
                .toList();
        return Response.ok(Map.of("checks", checks, "nextCheckIn", PROGRESS_INTERVAL.toSeconds()))
                .build();
    }

    private static Map<String, Object> progressRow(LabResult.Test outcome, String hint) {
        boolean passed = "pass".equals(outcome.status());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", outcome.id());
        row.put("title", outcome.title());
        row.put("status", outcome.status());
        row.put("hint", passed ? "" : hint);
        return row;
    }

    /**
     * Hands the lab in: the final grading runs (every check, hidden ones too) and the environment is removed. A
     * second submit, from a double click or another tab, changes nothing. Only the caller's own attempt is found.
     */
    @POST
    @Path("labs/{labId}/submit")
    public Response submit(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        AssessmentSummary assessment = assessment(request);
        LabSession session = latest(assessment, labId)
                .orElseThrow(() -> new NotFoundException("no started lab " + labId + " in this assessment"));
        grading.submit(session.id(), HandIn.submitted()); // ends the terminal once handed in
        return Response.seeOther(URI.create("/assessment/labs/" + labId + "/done"))
                .build();
    }

    @GET
    @Path("labs/{labId}/done")
    public DoneView done(@Context ContainerRequestContext request, @PathParam("labId") String labId) {
        AssessmentSummary assessment = assessment(request);
        LabSession session = latest(assessment, labId)
                .filter(s -> s.state() != SessionState.ACTIVE && s.state() != SessionState.PROVISIONING)
                .orElseThrow(() -> new NotFoundException("no finished lab " + labId + " in this assessment"));
        String how = how(reads.events(session.id()));
        Map<String, LabSession> latest = sessions.sessionsOf(assessment.assessmentId()).stream()
                .collect(Collectors.toMap(LabSession::labId, Function.identity(), (a, b) -> b));
        boolean labsLeft = sessions.labsOf(assessment).stream()
                .anyMatch(lab ->
                        !latest.containsKey(lab.id()) || latest.get(lab.id()).isLive());
        return new DoneView(
                BrowserSessionFilter.csrfToken(request), labOf(session).title(), how, labsLeft);
    }

    /** Why the lab ended, in the candidate's words: stopped for its disk, out of time, or handed in. */
    private static String how(List<LabSessionEvent> events) {
        return events.stream()
                .map(event -> HandIn.read(event.detail()))
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(HandIn::cause)) // a stop outweighs the hand-in it caused
                .orElse(HandIn.submitted())
                .donePage();
    }

    private Optional<LabSession> latest(AssessmentSummary assessment, String labId) {
        return reads.latest(assessment.assessmentId(), labId);
    }

    private LabSession active(AssessmentSummary assessment, String labId) {
        return latest(assessment, labId)
                .filter(s -> s.state() == SessionState.ACTIVE)
                .orElseThrow(() -> new NotFoundException("no active lab " + labId + " in this assessment"));
    }

    private Lab labOf(LabSession session) {
        return catalog.lab(session.labId())
                .orElseThrow(() -> new NotFoundException("lab " + session.labId() + " is gone"));
    }

    private AssessmentSummary assessment(ContainerRequestContext request) {
        long assessmentId = assessmentId(request);
        return reads.assessment(assessmentId).orElseThrow(() -> gone(assessmentId));
    }

    private static long assessmentId(ContainerRequestContext request) {
        return Actor.of(request.getSecurityContext())
                .candidateAssessment()
                .orElseThrow(() -> new IllegalStateException("route reached without a candidate session"));
    }

    private static NotFoundException gone(long assessmentId) {
        return new NotFoundException("assessment " + assessmentId + " is gone");
    }
}
