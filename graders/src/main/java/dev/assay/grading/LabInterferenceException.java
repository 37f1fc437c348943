package dev.assay.grading;

/**
 * Something inside the lab stopped, killed or stalled a probe of ours while the lab itself kept running: probes
 * share the lab's process namespace (they read its {@code /proc}), so the lab's root can signal their processes.
 * Unlike {@link LabUnavailableException}, the check does not drop out of the count: it fails, counted, with this
 * message as its reason, since the candidate's environment did it and leaving the check out would raise the share
 * of what is left. Graders let it propagate.
 */
public class LabInterferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabInterferenceException(String message) {
        super(message);
    }
}
