package dev.assay.service.resources;

import dev.assay.service.environment.EnvironmentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** An unreachable engine is the platform's trouble, not the caller's: 503 with a time to retry. */
public class EngineUnavailableMapper implements ExceptionMapper<EnvironmentException.EngineUnavailable> {
    static final String RETRY_AFTER_SECONDS = "15";

    @Override
    public Response toResponse(EnvironmentException.EngineUnavailable exception) {
        return Response.fromResponse(ErrorBody.response(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "the lab engine is not reachable right now; nothing was created. Try again shortly."))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
