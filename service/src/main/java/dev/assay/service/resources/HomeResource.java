package dev.assay.service.resources;

import dev.assay.service.auth.Actor;
import dev.assay.service.web.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/** The root sends each kind of visitor where they belong. */
@Path("/")
@Public
public class HomeResource {
    @GET
    public Response home(@Context SecurityContext security) {
        Actor actor = Actor.of(security);
        String target = actor.staff().isPresent()
                ? "/admin"
                : actor.candidateAssessment().isPresent() ? "/assessment" : "/login";
        return Response.seeOther(URI.create(target)).build();
    }
}
