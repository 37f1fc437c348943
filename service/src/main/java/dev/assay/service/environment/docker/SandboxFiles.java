package dev.assay.service.environment.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The tar stream that puts files under {@code /sandbox/}: plain names only, mode 0644, owned by root. */
final class SandboxFiles {
    private SandboxFiles() {}

    static byte[] tar(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry dir = new TarArchiveEntry("sandbox/");
            dir.setMode(040755);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!file.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                    throw new IllegalArgumentException(
                            "sandbox file names are plain names, not '" + file.getKey() + "'");
                }
                TarArchiveEntry entry = new TarArchiveEntry("sandbox/" + file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0100644);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the sandbox archive", e);
        }
        return out.toByteArray();
    }
}
