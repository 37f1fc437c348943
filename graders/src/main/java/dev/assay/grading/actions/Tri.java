package dev.assay.grading.actions;

/** Three-valued truth: what a condition is when the grader may not know every value it reads. */
public enum Tri {
    TRUE,
    FALSE,
    UNKNOWN;

    static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }
}
