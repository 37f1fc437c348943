package dev.assay.service.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface UserDao {
    String COLUMNS = "id, email, display_name, role, password_hash, created_at, disabled_at";

    @SqlUpdate("INSERT INTO users (email, display_name, role, password_hash, created_at)"
            + " VALUES (:email, :displayName, :role, :passwordHash, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("email") String email,
            @Bind("displayName") String displayName,
            @Bind("role") String role,
            @Bind("passwordHash") String passwordHash,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") long id);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    int updatePassword(@Bind("id") long id, @Bind("passwordHash") String passwordHash);
}
