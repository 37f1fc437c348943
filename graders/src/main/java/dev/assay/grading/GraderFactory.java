package dev.assay.grading;

/**
 * A kind of grader, found through {@link java.util.ServiceLoader} and named in lab YAML by {@link #id()}.
 *
 * <p>Contract: {@link #id()} is stable (renaming it breaks every lab that uses it) and unique among the
 * factories on the class path; {@link #parameters()} describes every parameter a check may pass and is
 * applied when the lab catalog loads, so a lab with a parameter the grader would reject is never served.
 * Implementations are stateless and thread-safe.
 */
public interface GraderFactory {

    /** The id lab authors write in {@code grader:}; lower case, digits and dashes. */
    String id();

    /** Bumped whenever a grade could change for the same evidence; stored with every result. */
    String version();

    /** One line for lab authors: what this grader reads and how far its result can be trusted. */
    String description();

    /** The parameters a check passes to this grader. */
    ParameterSpec parameters();
}
