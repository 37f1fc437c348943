package dev.assay.service.auth;

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
import org.jdbi.v3.core.Jdbi;

/** Staff accounts: creation, password checks with rate limiting, and login sessions. */
public final class AccountService {

    /** What a login attempt came to. Failures never say whether the account or the password was wrong. */
    public sealed interface LoginOutcome {
        record Success(User user, String sessionToken, Instant expiresAt) implements LoginOutcome {}

        record Invalid() implements LoginOutcome {}

        record Limited(Duration retryAfter) implements LoginOutcome {}
    }

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

    public static String normalizeEmail(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("'" + email + "' is not an email address");
        }
        return normalized;
    }

    /** Creates a staff user; fails with a clear message if the email is taken or the password too short. */
    public User createUser(String email, String displayName, Role role, String password) {
        if (role == Role.CANDIDATE) {
            throw new InvalidInputException("candidates do not get accounts: invite them instead");
        }
        String normalized = normalizeEmail(email);
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

    public LoginOutcome login(String email, String password, String clientAddress) {
        String account = "account:" + email.trim().toLowerCase(Locale.ROOT);
        String client = "client:" + clientAddress;
        Optional<Duration> blocked = limiter.blockedFor(account, client);
        if (blocked.isPresent()) {
            return new LoginOutcome.Limited(blocked.get());
        }
        Optional<User> user = jdbi.withExtension(
                UserDao.class, users -> users.findByEmail(email.trim().toLowerCase(Locale.ROOT)));
        boolean ok = user.isPresent()
                ? hasher.matches(password, user.get().passwordHash())
                        && user.get().active()
                : hasher.matchesNothing(password);
        if (!ok || user.isEmpty()) {
            limiter.recordFailure(account, client);
            return new LoginOutcome.Invalid();
        }
        limiter.recordSuccess(account);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        jdbi.useExtension(
                WebSessionDao.class,
                sessions -> sessions.insert(Tokens.hash(token), user.get().id(), now, expiresAt));
        return new LoginOutcome.Success(user.get(), token, expiresAt);
    }

    public Optional<User> userForSession(String sessionToken) {
        return jdbi.withExtension(
                WebSessionDao.class, sessions -> sessions.findUser(Tokens.hash(sessionToken), clock.instant()));
    }

    public void logout(String sessionToken) {
        jdbi.useExtension(WebSessionDao.class, sessions -> sessions.delete(Tokens.hash(sessionToken)));
    }
}
