package dev.assay.service.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A secret the service keeps in a file only its user can read (the audit, variant and operator keys, the webhook
 * secret): made on first use, created with mode 0600 from the start (never readable by others for a moment), and
 * when two processes make it at once the first one's stays.
 */
public final class SecretFile {
    private SecretFile() {}

    /** The file's text, stripped; when the file does not exist, {@code fresh} is written there first. */
    public static String readOrMake(Path file, Supplier<String> fresh) throws IOException {
        if (!Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, fresh.get() + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** 32 random bytes as 64 lower-case hex digits. */
    public static String randomHex() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return HexFormat.of().formatHex(fresh);
    }

    /** A key written as 64 or more lower-case hex digits, as bytes; {@code what} names it in the error. */
    public static byte[] hexKey(String text, String what, Path file) {
        if (!text.matches("[0-9a-f]{64,}")) {
            throw new IllegalStateException(
                    "the " + what + " " + file.toAbsolutePath() + " is not 64 or more lower-case hex digits");
        }
        return HexFormat.of().parseHex(text);
    }
}
