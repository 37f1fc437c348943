package dev.assay.service.resources;

import dev.assay.service.core.NotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The domain's "no such thing" becomes 404 with its message, as a missing route's would. */
public class NotFoundMapper implements ExceptionMapper<NotFound> {
    @Override
    public Response toResponse(NotFound exception) {
        return ErrorBody.response(Response.Status.NOT_FOUND, exception.getMessage());
    }
}
