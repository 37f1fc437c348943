package dev.assay.service.auth;

import dev.assay.service.core.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The operator's key: a random token in a file only the service's user can read (mode 0600), made on the
 * service's first start. The admin port listens on loopback, where every local user can reach it; the tasks that
 * change accounts want this key as well, so only who can read the service's data folder can use them.
 */
public final class OperatorKey {
    private final String key;

    private OperatorKey(String key) {
        this.key = key;
    }

    /** The key in {@code file}, made there first when it does not exist yet and {@code create}. */
    public static OperatorKey load(Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalStateException("the operator key " + file.toAbsolutePath() + " is missing: start"
                            + " the service once (it makes the key), or point ASSAY_OPERATOR_KEY_FILE at it");
                }
            }
            String token = SecretFile.readOrMake(file, Tokens::newToken);
            if (token.length() < 32) {
                throw new IllegalStateException("the operator key " + file.toAbsolutePath() + " is too short");
            }
            return new OperatorKey(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator key " + file.toAbsolutePath(), e);
        }
    }

    public String value() {
        return key;
    }

    /** Whether {@code presented} is this key, compared in constant time. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(
                key.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
