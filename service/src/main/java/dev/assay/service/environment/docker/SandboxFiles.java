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
        return tar("sandbox", 0755, files, 0644);
    }

    /**
     * Files (plain names) in {@code directory} (relative to the root, such as {@code root/.kube}), owned by root:
     * the directory with mode {@code directoryMode}, the files with {@code fileMode}.
     */
    static byte[] tar(String directory, int directoryMode, Map<String, byte[]> files, int fileMode) {
        if (!directory.matches("[a-z0-9._-]+(/[a-z0-9._-]+)*") || directory.contains("..")) {
            throw new IllegalArgumentException("'" + directory + "' is not a relative directory such as root/.kube");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry dir = new TarArchiveEntry(directory + "/");
            dir.setMode(040000 | directoryMode);
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!file.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                    throw new IllegalArgumentException(
                            "sandbox file names are plain names, not '" + file.getKey() + "'");
                }
                TarArchiveEntry entry = new TarArchiveEntry(directory + "/" + file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0100000 | fileMode);
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
