package dev.assay.service.core;

/** What was asked for does not exist (or is not the caller's to see): the message names it. Answered with 404. */
public class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String message;

    public NotFound(String message) {
        super(message);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
