package dev.assay.grading;

import java.util.Map;

/**
 * A kind of check, found through {@link java.util.ServiceLoader} and named in lab YAML by {@link #id()}.
 *
 * <p>Contract (the {@code GraderContract} test kit checks most of it):
 *
 * <ul>
 *   <li>{@link #id()} is stable (renaming it breaks every lab that uses it) and unique on the class path.
 *   <li>{@link #parameters()} describes every parameter a check may pass; it is applied when the lab catalog
 *       loads, so {@link #grade} only ever sees parameters it accepts.
 *   <li>{@link #grade} reads the lab only through the {@link LabView}, states what it read as
 *       {@link Observation}s, and says whether its verdict rests on trusted sources only. The candidate's
 *       state decides pass, fail or partial; trouble of the grader's own or of the platform (an engine that
 *       does not answer) is {@link Verdict.NotGradable}, never a fail.
 *   <li>Implementations are stateless and thread-safe; one instance grades many checks at once.
 * </ul>
 */
public interface Grader {

    /** The id lab authors write in {@code grader:}; lower case, digits and dashes. */
    String id();

    /** Bumped whenever a grade could change for the same evidence; stored with every result. */
    String version();

    /** One line for lab authors: what this grader reads and how far its result can be trusted. */
    String description();

    /** The parameters a check passes to this grader. */
    ParameterSpec parameters();

    /** Whether checks of this grader need a lab of kind kubernetes (the catalog refuses them elsewhere). */
    default boolean needsKubernetes() {
        return false;
    }

    /** Grades one check against the lab as it is now. */
    CheckResult grade(LabView lab, Map<String, Object> parameters);

    /**
     * Whether a check with these parameters rests on something the candidate controls (a command run inside the
     * lab), so that its results are shown but never counted. Known before grading, for lab authors' listings; the
     * result's own {@code trusted} flag is what scoring uses.
     */
    default boolean advisory(Map<String, Object> parameters) {
        return false;
    }
}
