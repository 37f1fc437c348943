package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Rubric versions of role stages: drafts, the active one, and the history behind them. */
public interface RubricDao {
    String DRAFT = "draft";
    String ACTIVE = "active";
    String SUPERSEDED = "superseded";
    String DISCARDED = "discarded";

    /** One version as stored. */
    record Stored(
            long id,
            String roleId,
            String stage,
            int version,
            String status,
            String yaml,
            long createdBy,
            Instant createdAt,
            @Nullable Long decidedBy,
            @Nullable Instant decidedAt) {}

    String COLUMNS = "SELECT id, role_id, stage, version, status, yaml, created_by, created_at, decided_by, decided_at"
            + " FROM rubric_versions";

    @SqlQuery(COLUMNS + " WHERE role_id = :role AND stage = :stage AND status = :status ORDER BY version DESC LIMIT 1")
    Optional<Stored> latest(@Bind("role") String roleId, @Bind("stage") String stage, @Bind("status") String status);

    @SqlQuery(COLUMNS + " WHERE role_id = :role AND stage = :stage ORDER BY version DESC")
    List<Stored> history(@Bind("role") String roleId, @Bind("stage") String stage);

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM rubric_versions WHERE role_id = :role AND stage = :stage")
    int maxVersion(@Bind("role") String roleId, @Bind("stage") String stage);

    /** Fails on the unique (role, stage, version) key when another writer took the number; the caller retries. */
    @SqlUpdate("INSERT INTO rubric_versions (role_id, stage, version, status, yaml, created_by, created_at)"
            + " VALUES (:role, :stage, :version, 'draft', :yaml, :by, :at)")
    void insertDraft(
            @Bind("role") String roleId,
            @Bind("stage") String stage,
            @Bind("version") int version,
            @Bind("yaml") String yaml,
            @Bind("by") long userId,
            @Bind("at") Instant at);

    @SqlUpdate("UPDATE rubric_versions SET yaml = :yaml, created_by = :by, created_at = :at"
            + " WHERE id = :id AND status = 'draft'")
    int updateDraft(@Bind("id") long id, @Bind("yaml") String yaml, @Bind("by") long userId, @Bind("at") Instant at);

    /** Moves a version from one status to another; 0 when it was no longer in {@code from} (someone was first). */
    @SqlUpdate("UPDATE rubric_versions SET status = :to, decided_by = :by, decided_at = :at"
            + " WHERE id = :id AND status = :from")
    int move(
            @Bind("id") long id,
            @Bind("from") String from,
            @Bind("to") String to,
            @Bind("by") long userId,
            @Bind("at") Instant at);
}
