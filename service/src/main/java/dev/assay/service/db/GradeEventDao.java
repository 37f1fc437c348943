package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The append-only, hash-chained log of what happened to an assessment's grade (scores, overrides, rescores). */
public interface GradeEventDao {

    /** One event as stored. */
    record Event(
            long assessmentId,
            int seq,
            String eventType,
            @Nullable Long actorUserId,
            String payload,
            @Nullable String prevHash,
            String hash,
            Instant createdAt) {}

    String COLUMNS = "SELECT assessment_id, seq, event_type, actor_user_id, payload, prev_hash, hash, created_at"
            + " FROM grade_events";

    @SqlQuery(COLUMNS + " WHERE assessment_id = :a ORDER BY seq DESC LIMIT 1")
    Optional<Event> last(@Bind("a") long assessmentId);

    @SqlQuery(COLUMNS + " WHERE assessment_id = :a ORDER BY seq")
    List<Event> all(@Bind("a") long assessmentId);

    @SqlQuery(COLUMNS + " WHERE assessment_id = :a AND event_type = :type ORDER BY seq DESC LIMIT 1")
    Optional<Event> lastOf(@Bind("a") long assessmentId, @Bind("type") String type);

    /** Fails on the unique (assessment, seq) key when another writer appended first; the caller retries. */
    @SqlUpdate("INSERT INTO grade_events (assessment_id, seq, event_type, actor_user_id, payload, prev_hash, hash,"
            + " created_at) VALUES (:a, :seq, :type, :actor, :payload, :prev, :hash, :at)")
    void insert(
            @Bind("a") long assessmentId,
            @Bind("seq") int seq,
            @Bind("type") String type,
            @Bind("actor") @Nullable Long actor,
            @Bind("payload") String payload,
            @Bind("prev") @Nullable String prevHash,
            @Bind("hash") String hash,
            @Bind("at") Instant at);
}
