package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The webhook outbox: one row per assessment and event, delivered at least once, retried with backoff. */
public interface WebhookDao {
    String PENDING = "pending";
    String DELIVERED = "delivered";
    String FAILED = "failed";

    /** A delivery as stored. */
    record Delivery(
            long id,
            long assessmentId,
            String event,
            String body,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError) {}

    String COLUMNS = "SELECT id, assessment_id, event, body, status, attempts, next_attempt_at, last_error"
            + " FROM webhook_deliveries";

    /** Fails on the unique (assessment, event) key when it was queued before: each event is sent once. */
    @SqlUpdate("INSERT INTO webhook_deliveries (assessment_id, event, body, status, attempts, next_attempt_at,"
            + " created_at) VALUES (:a, :event, :body, 'pending', 0, :at, :at)")
    void insert(
            @Bind("a") long assessmentId,
            @Bind("event") String event,
            @Bind("body") String body,
            @Bind("at") Instant at);

    @SqlQuery(COLUMNS + " WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 20")
    List<Delivery> due(@Bind("now") Instant now);

    /** Takes a due delivery for {@code until} (a lease): 0 when another replica took it first. */
    @SqlUpdate("UPDATE webhook_deliveries SET next_attempt_at = :until"
            + " WHERE id = :id AND status = 'pending' AND next_attempt_at = :seen")
    int claim(@Bind("id") long id, @Bind("seen") Instant seen, @Bind("until") Instant until);

    @SqlUpdate("UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = :at,"
            + " last_error = NULL WHERE id = :id")
    void delivered(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, next_attempt_at = :next,"
            + " last_error = :error WHERE id = :id")
    void failed(
            @Bind("id") long id,
            @Bind("status") String status,
            @Bind("next") Instant next,
            @Bind("error") String error);

    @SqlQuery(COLUMNS + " WHERE assessment_id = :a ORDER BY id")
    List<Delivery> of(@Bind("a") long assessmentId);

    @SqlQuery(COLUMNS + " WHERE id = :id")
    Optional<Delivery> find(@Bind("id") long id);
}
