package dev.assay.service.environment.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.FileRead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TreeCopyTest {

    @Test
    @DisplayName("a copied tree keeps each entry's permission bits and numeric owner, never a set-id bit")
    void keepsModesAndOwners() throws Exception {
        ByteArrayOutputStream engine = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(engine)) {
            entry(tar, "crontabs/", 041730, 0, 102, "");
            entry(tar, "crontabs/flowbackup", 0100600, 999, 102, "15 2 * * * true\n");
            entry(tar, "crontabs/suid", 0104755, 0, 0, "#!/bin/sh\n");
        }
        FileRead read = TreeCopy.copy(
                new TarArchiveInputStream(new ByteArrayInputStream(engine.toByteArray())),
                "/var/spool/cron/crontabs",
                1 << 20,
                100);

        Map<String, Integer> modes = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new ByteArrayInputStream(((FileRead.Content) read).bytes()))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                modes.put(e.getName(), e.getMode());
                owners.put(e.getName(), e.getLongUserId() + ":" + e.getLongGroupId());
            }
        }
        assertThat(modes).containsEntry("flowbackup", 0100600).containsEntry("suid", 0100755);
        assertThat(owners).containsEntry("flowbackup", "999:102").containsEntry("suid", "0:0");
    }

    private static void entry(TarArchiveOutputStream tar, String name, int mode, long uid, long gid, String content)
            throws Exception {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setUserId(uid);
        entry.setGroupId(gid);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
