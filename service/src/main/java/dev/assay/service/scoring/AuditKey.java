package dev.assay.service.scoring;

import dev.assay.service.core.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The secret the grade log's hashes are keyed with (HMAC-SHA256). It lives outside the database, so someone who
 * can write to the database but not read this file cannot recompute a chain after changing an event. Kept in a
 * file of its own (mode 0600), made on the service's first start; back it up with the database.
 */
public final class AuditKey {
    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
    }

    /** A key given directly (tests). */
    public static AuditKey of(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an audit key has at least 32 bytes");
        }
        return new AuditKey(key);
    }

    /** The key in {@code file} (64 hex digits), made there first when it does not exist yet and {@code create}. */
    public static AuditKey load(Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalStateException("the audit key " + file.toAbsolutePath() + " is missing: the grade"
                            + " log cannot be verified without the key it was written with (restore it from backup,"
                            + " or point ASSAY_AUDIT_KEY_FILE at it)");
                }
            }
            return new AuditKey(
                    SecretFile.hexKey(SecretFile.readOrMake(file, SecretFile::randomHex), "audit key", file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit key " + file.toAbsolutePath(), e);
        }
    }

    byte[] bytes() {
        return key.clone();
    }
}
