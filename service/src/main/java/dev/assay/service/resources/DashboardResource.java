package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
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
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** The staff pages: recent assessments for everyone on staff, inviting for admins. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {
    private static final int RECENT = 200;

    private final Jdbi jdbi;
    private final InvitationService invitations;
    private final List<DashboardView.Target> targets;

    public DashboardResource(Jdbi jdbi, InvitationService invitations, LabCatalog catalog) {
        this.jdbi = jdbi;
        this.invitations = invitations;
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
            @FormParam("target") @DefaultValue("") String target) {
        User admin = Actor.staffOf(request.getSecurityContext());
        String[] roleAndStage = target.split("/", 2);
        try {
            InvitationService.Created created = invitations.invite(
                    email, name, roleAndStage[0], roleAndStage.length > 1 ? roleAndStage[1] : "", admin.id());
            return Response.status(Response.Status.CREATED)
                    .entity(view(request, created, null))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(view(request, null, e.getMessage()))
                    .build();
        }
    }

    private DashboardView view(
            ContainerRequestContext request, InvitationService.@Nullable Created created, @Nullable String error) {
        return new DashboardView(
                BrowserSessionFilter.csrfToken(request),
                Actor.staffOf(request.getSecurityContext()),
                targets,
                jdbi.withExtension(AssessmentDao.class, dao -> dao.recent(RECENT)),
                created,
                error);
    }
}
