package dev.assay.service.environment;

/**
 * What a running environment has written to the host's disk (its writable layer, as the engine measures it)
 * against the disk its lab declared.
 */
public record DiskUse(EnvironmentHandle handle, long usedBytes, long limitBytes) {
    public boolean over() {
        return usedBytes > limitBytes;
    }
}
