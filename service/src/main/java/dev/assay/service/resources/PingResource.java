package dev.assay.service.resources;

import dev.assay.service.web.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Liveness on the application port, for load balancers; details live on the admin port's /healthcheck. */
@Path("/ping")
@Public
public class PingResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong\n";
    }
}
