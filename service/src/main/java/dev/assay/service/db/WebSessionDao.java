package dev.assay.service.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Staff login sessions, keyed by the SHA-256 of the cookie value. */
public interface WebSessionDao {

    @SqlUpdate("INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at)"
            + " VALUES (:tokenHash, :userId, :createdAt, :expiresAt)")
    void insert(
            @Bind("tokenHash") String tokenHash,
            @Bind("userId") long userId,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt);

    /** The active user holding this session, if the session exists, has not expired and the user is enabled. */
    @SqlQuery("SELECT u.id, u.email, u.display_name, u.role, u.password_hash, u.created_at, u.disabled_at"
            + " FROM web_sessions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.token_hash = :tokenHash AND s.expires_at > :now AND u.disabled_at IS NULL")
    Optional<User> findUser(@Bind("tokenHash") String tokenHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM web_sessions WHERE token_hash = :tokenHash")
    int delete(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("DELETE FROM web_sessions WHERE user_id = :userId")
    int deleteForUser(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM web_sessions WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);
}
