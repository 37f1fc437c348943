package dev.assay.grading;

/** One fact a grader read, shown to interviewers as evidence: what was looked at, and what it was. */
public record Observation(String what, String value) {}
