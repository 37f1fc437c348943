package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Final gradings as rows of the jobs table (kind {@code final-grading}, keyed by the lab session's id; see
 * db/007-grading-jobs.sql): held by one replica at a time under a lock that expires, so that any replica can
 * grade and none grades a hand-in twice.
 */
public interface GradingJobDao {
    String KIND = "final-grading";

    /** The job of a hand-in, held at once by the replica that took it (in the hand-in's transaction). */
    @SqlUpdate("INSERT INTO jobs (kind, idempotency_key, payload, status, attempts, run_after, locked_by,"
            + " locked_until, created_at, updated_at) VALUES ('" + KIND + "', CAST(:session AS VARCHAR(200)),"
            + " CONCAT('{\"session\": ', CAST(:session AS VARCHAR(30)), '}'), 'running', 1, :now, :replica,"
            + " :lockedUntil, :now, :now)")
    void insertClaimed(
            @Bind("session") long session,
            @Bind("replica") String replica,
            @Bind("lockedUntil") Instant lockedUntil,
            @Bind("now") Instant now);

    /**
     * Jobs nobody holds: queued ones, and running ones whose lock has run out. Rows another replica is claiming
     * at this moment are skipped, not waited for.
     */
    @SqlQuery("SELECT id FROM jobs WHERE kind = '" + KIND + "' AND ((status = 'queued' AND run_after <= :now)"
            + " OR (status = 'running' AND locked_until < :now)) ORDER BY created_at LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE jobs SET status = 'running', locked_by = :replica, locked_until = :lockedUntil,"
            + " attempts = attempts + 1, updated_at = :now WHERE id IN (<ids>)")
    void markClaimed(
            @BindList("ids") List<Long> ids,
            @Bind("replica") String replica,
            @Bind("lockedUntil") Instant lockedUntil,
            @Bind("now") Instant now);

    @SqlQuery("SELECT CAST(idempotency_key AS BIGINT) FROM jobs WHERE id IN (<ids>) ORDER BY created_at")
    List<Long> sessionsOf(@BindList("ids") List<Long> ids);

    /** Claims up to {@code limit} jobs nobody holds for {@code replica}, in one transaction; their sessions. */
    @Transaction
    default List<Long> claimDue(String replica, Instant now, Instant lockedUntil, int limit) {
        List<Long> due = lockDue(now, limit);
        if (due.isEmpty()) {
            return List.of();
        }
        markClaimed(due, replica, lockedUntil, now);
        return sessionsOf(due);
    }

    /** Extends the lock of a job this replica still holds; 0 when it lost it (it ran out and was taken). */
    @SqlUpdate("UPDATE jobs SET locked_until = :lockedUntil WHERE kind = '" + KIND + "'"
            + " AND idempotency_key = CAST(:session AS VARCHAR(200)) AND status = 'running' AND locked_by = :replica")
    int renew(@Bind("session") long session, @Bind("replica") String replica, @Bind("lockedUntil") Instant lockedUntil);

    @SqlUpdate("UPDATE jobs SET status = 'done', locked_until = NULL, updated_at = :now WHERE kind = '" + KIND + "'"
            + " AND idempotency_key = CAST(:session AS VARCHAR(200)) AND status = 'running' AND locked_by = :replica")
    int finish(@Bind("session") long session, @Bind("replica") String replica, @Bind("now") Instant now);

    /** Final gradings not yet done: queued, being graded, or left by a replica that died (for metrics). */
    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE kind = '" + KIND + "' AND status <> 'done'")
    int countUnfinished();

    /** When the oldest unfinished final grading was handed in; empty when none is unfinished. */
    @SqlQuery(
            "SELECT created_at FROM jobs WHERE kind = '" + KIND + "' AND status <> 'done' ORDER BY created_at LIMIT 1")
    Optional<Instant> oldestUnfinished();

    /** Who graded a session (for operators and tests): "replica attempts status". */
    @SqlQuery("SELECT CONCAT(locked_by, ' ', CAST(attempts AS VARCHAR(10)), ' ', status) FROM jobs" + " WHERE kind = '"
            + KIND + "' AND idempotency_key = CAST(:session AS VARCHAR(200))")
    List<String> describe(@Bind("session") long session);
}
