package dev.assay.service.environment;

import java.util.Set;

/**
 * A driver whose engine records how a lab's root file system differs from its image (Docker's container changes),
 * so graders can tell the image's own programs from files the candidate replaced.
 */
public interface ImageChanges {

    /**
     * Paths added, changed or deleted since the environment started from its image (setup steps included). Writable
     * mounts of their own (the tmpfs {@code /tmp}) are not part of the record. Bounded by the driver's deadlines.
     */
    Set<String> changedFromImage(EnvironmentHandle handle);
}
