package dev.assay.service.environment;

/** The outcome of reading a candidate's file through the engine. */
public sealed interface FileRead {

    /**
     * A regular file's bytes (at most the cap), its full size, SHA-256 of the bytes read, mode bits, and owner
     * as the archive states it: numeric uid, and the user name where the engine filled it in (else empty).
     */
    record Content(byte[] bytes, long size, boolean truncated, String sha256, int mode, long uid, String owner)
            implements FileRead {
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** No such file. */
    record Missing(String path) implements FileRead {}

    /** Not read: a link, a directory, a device, a pipe, a socket, or something that changed under us. */
    record Refused(String path, String reason) implements FileRead {}
}
