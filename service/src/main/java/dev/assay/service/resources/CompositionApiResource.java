package dev.assay.service.resources;

import dev.assay.service.catalog.CompositionPreview;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.core.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Previews what a labs stage gives a candidate before inviting (admins): the labs picked, or one example of what
 * composition gives, with their time against the budget, evidence per skill and warnings. Nothing is stored.
 */
@Path("/api/v1/compositions")
@Produces(MediaType.APPLICATION_JSON)
public class CompositionApiResource {
    /** A preview request: {@code labs} absent means "what composition gives", for one example seed. */
    record PreviewRequest(
            String roleId, String stage, @Nullable List<String> labs) {}

    private final LabCatalog catalog;
    private final SecureRandom seeds = new SecureRandom();

    public CompositionApiResource(LabCatalog catalog) {
        this.catalog = catalog;
    }

    @POST
    @Path("preview")
    @RolesAllowed(Role.STAFF_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response preview(@Nullable PreviewRequest request) {
        if (request == null || request.roleId() == null || request.stage() == null) {
            return ErrorBody.response(
                    Response.Status.BAD_REQUEST,
                    "send {\"roleId\": ..., \"stage\": ..., \"labs\": [lab ids of the stage]}; leave labs out to see"
                            + " one example of what composition gives");
        }
        return Response.ok(CompositionPreview.of(
                        catalog, request.roleId(), request.stage(), request.labs(), seeds.nextLong()))
                .build();
    }
}
