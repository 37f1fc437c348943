package dev.assay.service.environment;

/** Where an environment stands on its engine. */
public enum EnvironmentStatus {
    /** Up and usable. */
    RUNNING,
    /** Exists but stopped (crashed, OOM-killed, or stopped by someone). */
    STOPPED,
    /** Not on the engine (destroyed, reaped, or never made). */
    GONE
}
