package dev.assay.service.resources;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every API error: the status again and a message that says what to do. */
public record ErrorBody(int code, String message) {
    public static Response response(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), message))
                .build();
    }
}
