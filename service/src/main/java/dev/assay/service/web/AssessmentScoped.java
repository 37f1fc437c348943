package dev.assay.service.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a staff route of one assessment, named by the path parameter {@link #value}. Admins reach it for every
 * assessment; an interviewer only for one they are assigned to, and gets 404 otherwise, the same answer as for an
 * assessment that does not exist. Every route with an assessment in its path carries it (a test checks).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AssessmentScoped {
    /** The path parameter holding the assessment's id. */
    String value() default "id";
}
