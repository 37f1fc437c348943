package dev.assay.grading;

/** Something read from the lab that a result rests on, identified so it can be re-checked: a file and its hash. */
public record Evidence(String kind, String ref, String sha256, long size) {}
