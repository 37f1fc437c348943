package dev.assay.service.auth;

import dev.assay.service.core.InvalidInputException;
import java.util.Objects;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing through Spring Security's encoder (Bouncy Castle underneath), with OWASP's
 * parameters (19 MiB, 2 iterations, 1 lane). Hashes are PHC strings that carry their own parameters, so
 * raising the cost later leaves old hashes verifiable.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 12;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Verified against when the account does not exist, so both answers take the same time. */
    private final String decoy = Objects.requireNonNull(encoder.encode("assay-decoy-password-for-timing"));

    public String hash(String password) {
        if (password.length() < MIN_LENGTH) {
            throw new InvalidInputException("a password needs at least " + MIN_LENGTH + " characters");
        }
        return Objects.requireNonNull(encoder.encode(password), "Argon2 encoder returned no hash");
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one verification without an account, then says no. */
    public boolean matchesNothing(String password) {
        encoder.matches(password, decoy);
        return false;
    }
}
