package dev.assay.service.db;

import dev.assay.service.environment.EnvironmentHandle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Environments on record: a session's (re-attached after a restart) or a warm pool's, still unclaimed. */
public interface EnvironmentHandleDao {

    String COLUMNS =
            "SELECT id, lab_session_id, driver, external_id, lab_id, state_json, created_at, expires_at FROM environment_handles";

    @SqlUpdate("INSERT INTO environment_handles"
            + " (lab_session_id, driver, external_id, lab_id, state_json, created_at, expires_at)"
            + " VALUES (:labSessionId, :driver, :externalId, :labId, :stateJson, :createdAt, :expiresAt)")
    void insertRow(
            @Bind("labSessionId") @Nullable Long labSessionId,
            @Bind("driver") String driver,
            @Bind("externalId") String externalId,
            @Bind("labId") String labId,
            @Bind("stateJson") String stateJson,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt);

    /** Records an environment; {@code labSessionId} is null for a warm pool's until it is claimed. */
    default void insert(
            @Nullable Long labSessionId, String labId, EnvironmentHandle handle, Instant createdAt, Instant expiresAt) {
        insertRow(
                labSessionId,
                handle.kind(),
                handle.externalId(),
                labId,
                HandleState.of(handle.sessionId()),
                createdAt,
                expiresAt);
    }

    /** Gives an unclaimed pool environment to a session: 1 for exactly one caller, 0 for every other. */
    @SqlUpdate("UPDATE environment_handles SET lab_session_id = :labSessionId"
            + " WHERE driver = :driver AND external_id = :externalId"
            + " AND lab_session_id IS NULL AND destroyed_at IS NULL")
    int bind(
            @Bind("driver") String driver,
            @Bind("externalId") String externalId,
            @Bind("labSessionId") long labSessionId);

    @SqlUpdate("UPDATE environment_handles SET destroyed_at = :now"
            + " WHERE driver = :driver AND external_id = :externalId AND destroyed_at IS NULL")
    int markDestroyed(@Bind("driver") String driver, @Bind("externalId") String externalId, @Bind("now") Instant now);

    @SqlQuery(COLUMNS + " WHERE lab_session_id = :labSessionId AND destroyed_at IS NULL ORDER BY id DESC LIMIT 1")
    Optional<StoredHandle> forSession(@Bind("labSessionId") long labSessionId);

    @SqlQuery(COLUMNS + " WHERE lab_session_id IS NULL AND destroyed_at IS NULL"
            + " AND driver = :driver AND lab_id = :labId AND expires_at > :now ORDER BY id")
    List<StoredHandle> unclaimed(@Bind("driver") String driver, @Bind("labId") String labId, @Bind("now") Instant now);

    /** The session an environment on record was made for or given to; empty for an unclaimed pool environment. */
    @SqlQuery("SELECT lab_session_id FROM environment_handles WHERE external_id = :externalId"
            + " AND lab_session_id IS NOT NULL ORDER BY id DESC LIMIT 1")
    Optional<Long> sessionOf(@Bind("externalId") String externalId);

    @SqlQuery("SELECT COUNT(*) > 0 FROM environment_handles h LEFT JOIN lab_sessions s ON s.id = h.lab_session_id"
            + " WHERE h.driver = :driver AND h.external_id = :externalId AND h.destroyed_at IS NULL"
            + " AND (h.lab_session_id IS NULL OR s.state IN (<live>))")
    boolean isNeeded(
            @Bind("driver") String driver,
            @Bind("externalId") String externalId,
            @BindList("live") List<SessionState> live);

    /** Whether the environment is on record and still needed: unclaimed in a pool, or a live session's. */
    default boolean isNeeded(String driver, String externalId) {
        return isNeeded(driver, externalId, SessionState.live());
    }
}
