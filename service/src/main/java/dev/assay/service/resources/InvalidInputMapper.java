package dev.assay.service.resources;

import dev.assay.service.core.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Input a person can fix becomes 400 with the message that says how. */
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException exception) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, exception.getMessage());
    }
}
