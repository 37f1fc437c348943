package dev.assay.grading;

/** The lab could not be asked (engine unreachable, environment gone): the check is not gradable. */
public class LabUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
