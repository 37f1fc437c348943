package dev.assay.service.sessions;

import dev.assay.service.db.LabSession;

/**
 * Where a handed-in lab goes to be graded. The sessions package says when a lab is handed in (the deadline, the
 * disk watch, the recovery after a restart); the grading package, which stands on it, does the grading.
 */
public interface Submissions {
    /** Hands the session in and grades it, once however often it is called; returns the session afterwards. */
    LabSession submit(long sessionId, HandIn handIn);

    /** Finishes the final gradings nobody holds any more (a restart interrupted them); returns how many. */
    int resumeDue();
}
