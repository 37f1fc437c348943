package dev.assay.service.environment.docker;

import dev.assay.service.environment.FileRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Copies the engine's tar of a directory into a tar of our own making: only directories and regular files, names
 * relative to the directory (the engine prefixes its base name), no name that is absolute or climbs with "..",
 * each entry's permission bits and numeric owner as the lab has them (never a set-id bit; a sandbox unpacks them
 * only for checks that judge owners). A symbolic link whose chain ends at a regular file inside the same directory becomes
 * a copy of that file (so {@code sites-enabled/shop -> ../sites-available/shop} reads as the tool reads it); other
 * links are left out. What graders unpack is therefore only what they can read, never a link to follow.
 */
public final class TreeCopy {
    /** Read, write and execute bits and the sticky bit: no set-uid or set-gid program reaches a sandbox. */
    private static final int PERMISSIONS = 01777;

    private TreeCopy() {}

    public static FileRead copy(TarArchiveInputStream in, String path, long maxBytes, int maxEntries)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long total = 0;
        int entries = 0;
        @Nullable TarArchiveEntry root = null;
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (root == null) {
                    root = entry;
                }
                String name = relative(entry.getName());
                boolean directory = entry.isDirectory();
                // isFile() says yes to pipes and devices too: the type flag alone tells a regular file.
                byte type = entry.getLinkFlag();
                boolean file = !directory && (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM);
                if (name != null && entry.isSymbolicLink()) {
                    links.put(name, entry.getLinkName());
                }
                if (name == null || (!directory && !file)) {
                    continue;
                }
                if (++entries > maxEntries) {
                    return new FileRead.Refused(path, "it holds more than " + maxEntries + " files and directories");
                }
                // File content, and 512 bytes of header per entry (more for long names): what this copy will hold.
                total += (file ? entry.getSize() : 0) + 512 + (name.length() > 100 ? name.length() + 512 : 0);
                if (total > maxBytes) {
                    return new FileRead.Refused(path, "its files add up to more than " + maxBytes + " bytes");
                }
                TarArchiveEntry copy = new TarArchiveEntry(directory ? name + "/" : name);
                copy.setMode((directory ? 040000 : 0100000) | (entry.getMode() & PERMISSIONS));
                copy.setUserId(entry.getLongUserId());
                copy.setGroupId(entry.getLongGroupId());
                copy.setModTime(entry.getModTime());
                copy.setSize(file ? entry.getSize() : 0);
                tar.putArchiveEntry(copy);
                if (file) {
                    byte[] bytes = in.readNBytes((int) entry.getSize());
                    files.put(name, bytes);
                    tar.write(bytes);
                }
                tar.closeArchiveEntry();
            }
            if (!copyLinkedFiles(tar, path, files, links, maxBytes - total)) {
                return new FileRead.Refused(path, "its files add up to more than " + maxBytes + " bytes");
            }
        }
        byte[] bytes = out.toByteArray();
        return new FileRead.Content(
                bytes,
                bytes.length,
                false,
                sha256(bytes),
                root == null ? 040755 : root.getMode(),
                root == null ? 0 : root.getLongUserId(),
                root == null || root.getUserName() == null ? "" : root.getUserName());
    }

    /** Adds a copy of each link's file inside the tree; false when they take more than {@code room} bytes. */
    private static boolean copyLinkedFiles(
            TarArchiveOutputStream tar, String path, Map<String, byte[]> files, Map<String, String> links, long room)
            throws IOException {
        long left = room;
        for (Map.Entry<String, String> link : links.entrySet()) {
            byte[] target = files.get(TreeLinks.resolve(link.getKey(), link.getValue(), path, links));
            if (target == null) {
                continue;
            }
            left -= target.length + 512;
            if (left < 0) {
                return false;
            }
            TarArchiveEntry copy = new TarArchiveEntry(link.getKey());
            copy.setMode(0100644);
            copy.setSize(target.length);
            tar.putArchiveEntry(copy);
            tar.write(target);
            tar.closeArchiveEntry();
        }
        return true;
    }

    /** The entry's name without the engine's leading base name; null for the root itself or a name that escapes. */
    static @Nullable String relative(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        int slash = trimmed.indexOf('/');
        if (slash < 0 || trimmed.startsWith("/")) {
            return null;
        }
        String rest = trimmed.substring(slash + 1);
        for (String part : rest.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return null;
            }
        }
        return rest;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A regular file's entry read into a {@link FileRead.Content}: at most {@code maxBytes}, with its full size. */
    public static FileRead.Content content(InputStream tar, TarArchiveEntry entry, long maxBytes) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long wanted = Math.min(entry.getSize(), maxBytes);
        while (bytes.size() < wanted) {
            int n = tar.read(buffer, 0, (int) Math.min(buffer.length, wanted - bytes.size()));
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
            sha.update(buffer, 0, n);
        }
        return new FileRead.Content(
                bytes.toByteArray(),
                entry.getSize(),
                entry.getSize() > bytes.size(),
                HexFormat.of().formatHex(sha.digest()),
                entry.getMode(),
                entry.getLongUserId(),
                entry.getUserName() == null ? "" : entry.getUserName());
    }
}
