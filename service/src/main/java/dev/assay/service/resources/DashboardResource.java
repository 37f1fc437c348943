package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.CompositionPreview;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.StaffSearch;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.invitations.LabChoice;
import dev.assay.service.scopes.Assignments;
import dev.assay.service.sessions.SessionReads;
import dev.assay.service.views.DashboardView;
import dev.assay.service.views.InviteForm;
import dev.assay.service.views.ListPage;
import dev.assay.service.web.BrowserSessionFilter;
import io.dropwizard.jersey.params.IntParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    /** How many assessments a page of the list shows. */
    static final int PAGE = 100;

    private final SessionReads reads;
    private final InvitationService invitations;
    private final Assignments assignments;
    private final List<DashboardView.Target> targets;
    private final java.util.Map<String, Integer> stageLabs;
    private final LabCatalog catalog;
    private final InviteForms forms;
    private final java.security.SecureRandom seeds = new java.security.SecureRandom();

    public DashboardResource(
            SessionReads reads, InvitationService invitations, Assignments assignments, LabCatalog catalog) {
        this.reads = reads;
        this.invitations = invitations;
        this.assignments = assignments;
        this.catalog = catalog;
        this.forms = new InviteForms(catalog);
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
    public DashboardView dashboard(
            @Context ContainerRequestContext request,
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("page") @DefaultValue("1") IntParam page) {
        return view(request, forms.blank(), null, StaffSearch.of(q), page.get());
    }

    /**
     * The invitation form: "preview" shows what the chosen stage and labs give (nothing is stored); otherwise every
     * candidate line is invited with the same choice of labs (composed for each, or the labs picked) and answered
     * with its link or what was wrong with it. 201 when every line was invited, 207 when some were, 400 when none.
     */
    @POST
    @Path("invitations")
    @RolesAllowed(Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(
            @Context ContainerRequestContext request,
            @FormParam("action") @DefaultValue("invite") String action,
            @FormParam("target") @DefaultValue("") String target,
            @FormParam("compose") @DefaultValue("auto") String compose,
            @FormParam("lab") List<String> labs,
            @FormParam("candidates") @DefaultValue("") String candidates,
            @FormParam("name") @DefaultValue("") String name,
            @FormParam("email") @DefaultValue("") String email,
            @FormParam("assignee") List<String> assignees) {
        String lines = candidates.isBlank() && !(name.isBlank() && email.isBlank()) ? name + ", " + email : candidates;
        InviteForms.Filled filled = new InviteForms.Filled(
                target,
                compose.equals("picked"),
                labs,
                lines,
                assignees.stream().filter(e -> !e.isBlank()).toList());
        try {
            if (action.equals("preview")) {
                String[] ids = InviteForms.roleAndStage(target);
                CompositionPreview preview = CompositionPreview.of(
                        catalog, ids[0], ids[1], filled.picked() ? forms.picked(filled) : null, seeds.nextLong());
                return page(request, 200, forms.refill(filled, preview, List.of()), null);
            }
            List<InviteForm.Answer> answers = inviteAll(request, filled);
            long invited = answers.stream().filter(InviteForm.Answer::invited).count();
            String refused = answers.stream()
                    .filter(answer -> !answer.invited())
                    .map(InviteForm.Answer::text)
                    .collect(java.util.stream.Collectors.joining("\n"));
            InviteForms.Filled left = new InviteForms.Filled(
                    filled.target(), filled.picked(), filled.labs(), refused, filled.assignees());
            int status = invited == answers.size() ? 201 : invited == 0 ? 400 : 207;
            return page(request, status, forms.refill(left, null, answers), null);
        } catch (InvalidInputException e) {
            return page(request, 400, forms.refill(filled, null, List.of()), e.getMessage());
        }
    }

    private List<InviteForm.Answer> inviteAll(ContainerRequestContext request, InviteForms.Filled filled) {
        User admin = Actor.staffOf(request.getSecurityContext());
        String[] ids = InviteForms.roleAndStage(filled.target());
        LabChoice choice = LabChoice.auto();
        if (filled.picked()) {
            List<String> picked = forms.picked(filled);
            if (picked.isEmpty()) {
                throw new InvalidInputException(
                        "Labs: tick at least one lab of the stage, or choose 'composed for" + " each candidate'");
            }
            choice = new LabChoice.Picked(picked);
        }
        List<User> chosen = filled.assignees().stream().map(assignments::staff).toList();
        List<InviteForms.Line> lines = InviteForms.lines(filled.candidates());
        if (lines.isEmpty()) {
            throw new InvalidInputException("Candidates: write one candidate a line, as 'Name, email'");
        }
        List<InviteForm.Answer> answers = new java.util.ArrayList<>();
        for (InviteForms.Line line : lines) {
            answers.add(inviteOne(line, ids, choice, admin, chosen));
        }
        return answers;
    }

    private InviteForm.Answer inviteOne(
            InviteForms.Line line, String[] ids, LabChoice choice, User admin, List<User> chosen) {
        try {
            String email = line.email();
            String name = line.name();
            if (email == null || name == null) {
                throw new InvalidInputException("write the line as 'Name, email'");
            }
            InvitationService.Created created = invitations.invite(email, name, ids[0], ids[1], admin.id(), choice);
            assignments.assign(created.assessmentId(), admin, admin.id());
            chosen.forEach(user -> assignments.assign(created.assessmentId(), user, admin.id()));
            return new InviteForm.Answer(
                    line.number(),
                    line.text(),
                    created.link().toString(),
                    created.expiresAt().toString(),
                    null);
        } catch (InvalidInputException e) {
            return new InviteForm.Answer(line.number(), line.text(), null, null, e.getMessage());
        }
    }

    private Response page(ContainerRequestContext request, int status, InviteForm form, @Nullable String error) {
        return Response.status(status)
                .entity(view(request, form, error, StaffSearch.of(null), 1))
                .build();
    }

    /** Each assessment with its labs' progress, from one query over the latest attempt of each lab. */
    private List<DashboardView.Row> rows(List<dev.assay.service.db.AssessmentSummary> assessments) {
        List<Long> ids = assessments.stream()
                .map(dev.assay.service.db.AssessmentSummary::assessmentId)
                .toList();
        java.util.Map<Long, java.util.Map<String, Integer>> states = reads.latestStatesByAssessment(ids);
        java.util.Map<Long, Integer> own = reads.ownLabCounts(ids);
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
            ContainerRequestContext request,
            InviteForm form,
            @Nullable String error,
            StaffSearch search,
            int requested) {
        User me = Actor.staffOf(request.getSecurityContext());
        ListPage page = ListPage.of("/admin", search.text(), requested, PAGE, assignments.countAssessments(me, search));
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
                new DashboardView.Listing(rows(assignments.assessments(me, search, page.offset(), PAGE)), page),
                form,
                error);
    }
}
