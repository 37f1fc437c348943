package dev.assay.service.core;

/** Input a person can fix: the message says what is wrong and how to fix it. Answered with HTTP 400. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String message;

    public InvalidInputException(String message) {
        super(message);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
