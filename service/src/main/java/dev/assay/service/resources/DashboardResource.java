package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.views.DashboardView;
import dev.assay.service.web.BrowserSessionFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The staff home: the recent assessments one may open (admins: all; interviewers: those they are assigned to), and
 * for admins the invitation form, which assigns the inviting admin and any interviewers chosen there.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {
    private static final int RECENT = 200;

    private final SessionReads reads;
    private final InvitationService invitations;
    private final Assignments assignments;
    private final List<DashboardView.Target> targets;
    private final java.util.Map<String, Integer> stageLabs;

    public DashboardResource(
            SessionReads reads, InvitationService invitations, Assignments assignments, LabCatalog catalog) {
        this.reads = reads;
        this.invitations = invitations;
        this.assignments = assignments;
        this.stageLabs = new java.util.HashMap<>();
        catalog.roles()
                .forEach(role -> role.stages()
                        .forEach(stage -> stageLabs.put(
                                role.id() + "/" + stage.id(), stage.labs().size())));
        this.targets = catalog.roles().stream()
                .flatMap(role -> role.stages().stream()
                        .map(stage -> new DashboardView.Target(
                                role.id() + "/" + stage.id(), role.title() + ": " + stage.title())))
                .toList();
    }

    @GET
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    public DashboardView dashboard(@Context ContainerRequestContext request) {
        return view(request, null, null);
    }

    @POST
    @Path("invitations")
    @RolesAllowed(Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            @Context ContainerRequestContext request,
            @FormParam("name") @DefaultValue("") String name,
            @FormParam("email") @DefaultValue("") String email,
            @FormParam("target") @DefaultValue("") String target,
            @FormParam("assignee") List<String> assignees) {
        User admin = Actor.staffOf(request.getSecurityContext());
        String[] roleAndStage = target.split("/", 2);
        try {
            List<User> chosen = assignees.stream()
                    .filter(e -> !e.isBlank())
                    .map(assignments::staff)
                    .toList();
            InvitationService.Created created = invitations.invite(
                    email, name, roleAndStage[0], roleAndStage.length > 1 ? roleAndStage[1] : "", admin.id());
            assignments.assign(created.assessmentId(), admin, admin.id());
            chosen.forEach(user -> assignments.assign(created.assessmentId(), user, admin.id()));
            return Response.status(Response.Status.CREATED)
                    .entity(view(request, created, null))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, null, e.getMessage()))
                    .build();
        }
    }

    /** Each assessment with its labs' progress, from one query over the latest attempt of each lab. */
    private List<DashboardView.Row> rows(List<dev.assay.service.db.AssessmentSummary> assessments) {
        java.util.Map<Long, java.util.Map<String, Integer>> states = reads.latestStatesByAssessment();
        java.util.Map<Long, Integer> own = reads.ownLabCounts();
        return assessments.stream()
                .map(a -> new DashboardView.Row(
                        a,
                        labs(
                                own.getOrDefault(
                                        a.assessmentId(), stageLabs.getOrDefault(a.roleId() + "/" + a.stage(), 0)),
                                states.getOrDefault(a.assessmentId(), java.util.Map.of()))))
                .toList();
    }

    static String labs(int inStage, java.util.Map<String, Integer> states) {
        int graded = states.getOrDefault(SessionState.GRADED.wire(), 0);
        int live = SessionState.live().stream()
                .mapToInt(s -> states.getOrDefault(s.wire(), 0))
                .sum();
        return graded + " of " + inStage + " graded" + (live > 0 ? ", " + live + " in progress" : "");
    }

    private DashboardView view(
            ContainerRequestContext request, InvitationService.@Nullable Created created, @Nullable String error) {
        User me = Actor.staffOf(request.getSecurityContext());
        List<DashboardView.Target> interviewers = me.role() != Role.ADMIN
                ? List.of()
                : assignments.assignable().stream()
                        .filter(user -> user.role() == Role.INTERVIEWER)
                        .map(user ->
                                new DashboardView.Target(user.email(), user.displayName() + " (" + user.email() + ")"))
                        .toList();
        return new DashboardView(
                BrowserSessionFilter.csrfToken(request),
                me,
                new DashboardView.Choices(targets, interviewers),
                rows(assignments.recent(me, RECENT)),
                created,
                error);
    }
}
