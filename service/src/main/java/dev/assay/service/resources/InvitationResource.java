package dev.assay.service.resources;

import com.codahale.metrics.annotation.Timed;
import dev.assay.service.db.Invitation;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.views.InvitationView;
import dev.assay.service.views.MessageView;
import dev.assay.service.web.BrowserSessionFilter;
import dev.assay.service.web.Cookies;
import dev.assay.service.web.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The invitation link: shown by GET (harmless to link scanners), consumed once by POST. */
@Path("/i/{token}")
@Public
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {
    private static final Logger LOG = LoggerFactory.getLogger(InvitationResource.class);
    private final InvitationService invitations;
    private final Cookies cookies;
    private final java.util.function.LongFunction<List<InvitationView.LabLine>> labsOf;

    /** @param labsOf the labs of an assessment (composed or picked for the candidate), as the invitation lists them */
    public InvitationResource(
            InvitationService invitations,
            Cookies cookies,
            java.util.function.LongFunction<List<InvitationView.LabLine>> labsOf) {
        this.labsOf = labsOf;
        this.invitations = invitations;
        this.cookies = cookies;
    }

    @GET
    public Response landing(@Context ContainerRequestContext request, @PathParam("token") String token) {
        String csrf = BrowserSessionFilter.csrfToken(request);
        try {
            Invitation invitation = invitations.open(token);
            return Response.ok(new InvitationView(csrf, token, invitation, labsOf.apply(invitation.assessmentId())))
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        } catch (InvitationService.Gone | InvitationService.Unknown e) {
            return refusal(csrf, e);
        }
    }

    @POST
    @Path("accept")
    @Timed(name = "invitation-accept")
    public Response accept(@Context ContainerRequestContext request, @PathParam("token") String token) {
        try {
            InvitationService.Accepted accepted = invitations.accept(token);
            LOG.info("invitation accepted for assessment {}", accepted.assessmentId());
            Duration ttl = Duration.between(Instant.now(), accepted.expiresAt());
            boolean https = BrowserSessionFilter.isHttps(request);
            return Response.seeOther(URI.create("/assessment"))
                    .cookie(
                            cookies.set(Cookies.CANDIDATE_SESSION, accepted.sessionToken(), ttl, https),
                            cookies.clear(Cookies.PRE_SESSION, https))
                    .build();
        } catch (InvitationService.Gone | InvitationService.Unknown e) {
            return refusal(BrowserSessionFilter.csrfToken(request), e);
        }
    }

    private static Response refusal(String csrf, RuntimeException e) {
        boolean gone = e instanceof InvitationService.Gone;
        return Response.status(gone ? Response.Status.GONE : Response.Status.NOT_FOUND)
                .entity(new MessageView(
                        csrf,
                        gone ? "This link no longer works" : "Unknown link",
                        java.util.Objects.requireNonNullElse(e.getMessage(), "")))
                .build();
    }
}
