package dev.assay.grading.design;

/** The lab's scenario file is wrong: the author's error, so the check is not gradable (never the candidate's fail). */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
