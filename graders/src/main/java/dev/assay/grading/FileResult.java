package dev.assay.grading;

import java.nio.charset.StandardCharsets;

/** The outcome of reading a file of the lab through the engine. */
public sealed interface FileResult {

    /**
     * A regular file: its bytes (at most the cap asked for), full size, SHA-256 of the bytes read, permission
     * bits, and owner as the archive states it (numeric uid, and the name where the archive has one).
     */
    record Content(byte[] bytes, long size, boolean truncated, String sha256, int mode, long uid, String owner)
            implements FileResult {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** No such file. */
    record Missing(String path) implements FileResult {}

    /** Not read: a link, a directory, a device, a pipe, a socket, or something that changed while read. */
    record Refused(String path, String reason) implements FileResult {}
}
