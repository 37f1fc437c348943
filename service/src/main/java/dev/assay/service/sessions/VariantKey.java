package dev.assay.service.sessions;

import dev.assay.service.core.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The key lab variants are drawn with ({@link dev.assay.service.catalog.Variant}): 32 random bytes as hex in a file
 * only the service's user can read (mode 0600), made on first use like the operator's and the audit key. It stays
 * on the server: no lab, page or log shows it. Losing it changes nothing recorded (each session keeps its values);
 * only sessions started afterwards draw differently.
 */
public final class VariantKey {
    private VariantKey() {}

    /** The key in {@code file}, made there first when it does not exist yet. */
    public static byte[] load(Path file) {
        try {
            return SecretFile.hexKey(SecretFile.readOrMake(file, SecretFile::randomHex), "variant key", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the variant key " + file.toAbsolutePath(), e);
        }
    }
}
