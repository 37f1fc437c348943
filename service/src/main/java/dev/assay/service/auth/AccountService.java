package dev.assay.service.auth;

import dev.assay.service.core.Inert;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.User;
import dev.assay.service.db.UserDao;
import dev.assay.service.db.WebSessionDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** Staff accounts: creation, password checks with rate limiting, and login sessions. */
public final class AccountService {

    /** What a login attempt came to. Failures never say whether the account or the password was wrong. */
    public sealed interface LoginOutcome {
        record Success(User user, String sessionToken, Instant expiresAt) implements LoginOutcome {}

        record Invalid() implements LoginOutcome {}

        record Limited(Duration retryAfter) implements LoginOutcome {}
    }

    public static final int MAX_EMAIL_LENGTH = 320;
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_PARALLEL_VERIFICATIONS =
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    private static final Duration VERIFICATION_WAIT = Duration.ofSeconds(5);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");

    private final Semaphore verifications = new Semaphore(MAX_PARALLEL_VERIFICATIONS);
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final Duration sessionTtl;
    private final Clock clock;

    public AccountService(
            Jdbi jdbi, PasswordHasher hasher, LoginRateLimiter limiter, Duration sessionTtl, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.limiter = limiter;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
    }

    /** Lower-cased and trimmed; refuses what is not an address (control characters, over 320 characters). */
    public static String normalizeEmail(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!plausibleEmail(normalized)) {
            throw new InvalidInputException("'" + printable(email) + "' is not an email address (name@domain,"
                    + " at most " + MAX_EMAIL_LENGTH + " characters)");
        }
        return normalized;
    }

    private static boolean plausibleEmail(String normalized) {
        return normalized.length() <= MAX_EMAIL_LENGTH
                && EMAIL.matcher(normalized).matches()
                && Inert.plainLine(normalized);
    }

    /**
     * Refuses a person's name that is blank, longer than 200 characters, or holds control, bidirectional or
     * invisible characters (they can reorder or hide what staff read on the dashboard and in exports).
     */
    public static void checkName(String name, String what) {
        if (name.isBlank() || name.length() > 200) {
            throw new InvalidInputException(what + " must be 1 to 200 characters");
        }
        if (!Inert.plainLine(name)) {
            throw new InvalidInputException(what + " holds control, bidirectional or invisible characters ("
                    + Inert.text(name, 80) + "): remove them, they can hide or reorder what others read");
        }
    }

    /** Text safe to echo in an error message: control characters shown as '?', at most 80 characters. */
    public static String printable(String text) {
        String cleaned = Inert.text(text, 200).replace("\n", "?").replace("\t", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }

    /** Creates a staff user; fails with a clear message if the email is taken or the password too short. */
    public User createUser(String email, String displayName, Role role, String password) {
        if (role == Role.CANDIDATE) {
            throw new InvalidInputException("candidates do not get accounts: invite them instead");
        }
        String normalized = normalizeEmail(email);
        checkName(displayName, "a display name");
        String hash = hasher.hash(password);
        return jdbi.inTransaction(handle -> {
            UserDao users = handle.attach(UserDao.class);
            if (users.findByEmail(normalized).isPresent()) {
                throw new InvalidInputException("a user with email " + normalized + " already exists");
            }
            long id = users.insert(normalized, displayName, role.wire(), hash, clock.instant());
            return users.findById(id).orElseThrow();
        });
    }

    /** Sets a new password and ends every session of that user. */
    public void resetPassword(String email, String password) {
        String normalized = normalizeEmail(email);
        String hash = hasher.hash(password);
        jdbi.useTransaction(handle -> {
            User user = handle.attach(UserDao.class)
                    .findByEmail(normalized)
                    .orElseThrow(() -> new InvalidInputException("no user with email " + normalized));
            handle.attach(UserDao.class).updatePassword(user.id(), hash);
            handle.attach(WebSessionDao.class).deleteForUser(user.id());
        });
    }

    public Optional<User> findUser(String email) {
        return jdbi.withExtension(UserDao.class, users -> users.findByEmail(normalizeEmail(email)));
    }

    /**
     * Checks a sign-in. Rate limits are taken before the password is checked; at most
     * {@link #MAX_PARALLEL_VERIFICATIONS} Argon2 verifications run at once (each needs 19 MiB), and callers
     * beyond that are told to retry.
     */
    public LoginOutcome login(String email, String password, String clientAddress) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!plausibleEmail(normalized) || password.length() > MAX_PASSWORD_LENGTH) {
            return new LoginOutcome.Invalid();
        }
        String[] keys = {
            LoginRateLimiter.clientKey(clientAddress), LoginRateLimiter.accountKey(normalized, clientAddress)
        };
        Optional<Duration> blocked = limiter.tryAcquire(keys);
        if (blocked.isPresent()) {
            return new LoginOutcome.Limited(blocked.get());
        }
        Verification verification = verify(normalized, password);
        if (verification.busy()) {
            limiter.refund(keys);
            return new LoginOutcome.Limited(Duration.ofSeconds(1));
        }
        User user = verification.user();
        if (user == null) {
            return new LoginOutcome.Invalid();
        }
        limiter.refund(keys);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        jdbi.useExtension(
                WebSessionDao.class, sessions -> sessions.insert(Tokens.hash(token), user.id(), now, expiresAt));
        return new LoginOutcome.Success(user, token, expiresAt);
    }

    /** The active user the credentials belong to (null if none), or busy if no verifier came free in time. */
    private record Verification(boolean busy, @Nullable User user) {}

    private Verification verify(String normalizedEmail, String password) {
        try {
            if (!verifications.tryAcquire(VERIFICATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Verification(true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verification(true, null);
        }
        try {
            Optional<User> user = jdbi.withExtension(UserDao.class, users -> users.findByEmail(normalizedEmail));
            boolean ok = user.isPresent()
                    ? hasher.matches(password, user.get().passwordHash())
                            && user.get().active()
                    : hasher.matchesNothing(password);
            return new Verification(false, ok ? user.get() : null);
        } finally {
            verifications.release();
        }
    }

    public Optional<User> userForSession(String sessionToken) {
        return jdbi.withExtension(
                WebSessionDao.class, sessions -> sessions.findUser(Tokens.hash(sessionToken), clock.instant()));
    }

    public void logout(String sessionToken) {
        jdbi.useExtension(WebSessionDao.class, sessions -> sessions.delete(Tokens.hash(sessionToken)));
    }
}
