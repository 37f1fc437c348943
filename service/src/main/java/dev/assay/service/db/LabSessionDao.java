package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.jspecify.annotations.Nullable;

/** Lab sessions (a candidate's attempt at one lab) and their event log. */
public interface LabSessionDao {

    String COLUMNS = "SELECT id, assessment_id, lab_id, lab_version, attempt, state, deadline_at, created_at,"
            + " updated_at FROM lab_sessions";

    /** Whether the session exists and still needs its environment. */
    default boolean isLive(long id) {
        return isIn(id, SessionState.live());
    }

    @SqlQuery("SELECT COUNT(*) > 0 FROM lab_sessions WHERE id = :id AND state IN (<states>)")
    boolean isIn(@Bind("id") long id, @BindList("states") List<SessionState> states);

    /** A new attempt in state provisioning; a second insert of the same attempt fails on its unique key. */
    @SqlUpdate("INSERT INTO lab_sessions (assessment_id, lab_id, lab_version, attempt, state, created_at, updated_at,"
            + " parameters) VALUES (:assessmentId, :labId, :labVersion, :attempt, :provisioning, :now, :now,"
            + " :parameters)")
    @GetGeneratedKeys("id")
    long insertRow(
            @Bind("assessmentId") long assessmentId,
            @Bind("labId") String labId,
            @Bind("labVersion") String labVersion,
            @Bind("attempt") int attempt,
            @Bind("provisioning") SessionState provisioning,
            @Bind("now") Instant now,
            @Bind("parameters") @Nullable String parameters);

    @Transaction
    default long insert(long assessmentId, String labId, String labVersion, int attempt, Instant now) {
        return insert(assessmentId, labId, labVersion, attempt, now, null);
    }

    /** As above, recording the session's parameter values (JSON), which it keeps for good. */
    @Transaction
    default long insert(
            long assessmentId, String labId, String labVersion, int attempt, Instant now, @Nullable String parameters) {
        long id = insertRow(assessmentId, labId, labVersion, attempt, SessionState.PROVISIONING, now, parameters);
        event(id, null, SessionState.PROVISIONING, "attempt " + attempt + " of lab " + labId + " v" + labVersion, now);
        return id;
    }

    @SqlQuery(COLUMNS + " WHERE id = :id")
    Optional<LabSession> find(@Bind("id") long id);

    /** The parameter values recorded when the session was made (JSON); empty for none. */
    @SqlQuery("SELECT parameters FROM lab_sessions WHERE id = :id AND parameters IS NOT NULL")
    Optional<String> parametersOf(@Bind("id") long id);

    String FOR_ASSESSMENT = COLUMNS + " WHERE assessment_id = :assessmentId ORDER BY lab_id, attempt";

    @SqlQuery(FOR_ASSESSMENT)
    List<LabSession> forAssessment(@Bind("assessmentId") long assessmentId);

    @SqlQuery(COLUMNS + " WHERE assessment_id = :assessmentId AND lab_id = :labId ORDER BY attempt DESC LIMIT 1")
    Optional<LabSession> latest(@Bind("assessmentId") long assessmentId, @Bind("labId") String labId);

    /** How many sessions are in the state now (for metrics). */
    @SqlQuery("SELECT COUNT(*) FROM lab_sessions WHERE state = :state")
    int countIn(@Bind("state") SessionState state);

    @SqlQuery(COLUMNS + " WHERE state IN (<states>) ORDER BY id")
    List<LabSession> inStates(@BindList("states") List<SessionState> states);

    @SqlUpdate("UPDATE lab_sessions SET state = :to, deadline_at = COALESCE(:deadline, deadline_at), updated_at = :now"
            + " WHERE id = :id AND state = :from")
    int updateState(
            @Bind("id") long id,
            @Bind("from") SessionState from,
            @Bind("to") SessionState to,
            @Bind("deadline") @Nullable Instant deadline,
            @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO lab_session_events (lab_session_id, from_state, to_state, detail, at)"
            + " VALUES (:id, :from, :to, :detail, :at)")
    void event(
            @Bind("id") long id,
            @Bind("from") @Nullable SessionState from,
            @Bind("to") SessionState to,
            @Bind("detail") @Nullable String detail,
            @Bind("at") Instant at);

    /**
     * Moves the session from {@code from} to {@code to} and logs it, in one transaction; false (nothing written)
     * when the session was no longer in {@code from}, so of two racing transitions exactly one happens.
     *
     * @throws IllegalStateException when {@link SessionState#next()} does not allow the move (nothing written)
     */
    @Transaction
    default boolean transition(
            long id, SessionState from, SessionState to, @Nullable Instant deadline, String detail, Instant now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("lab session " + id + " cannot move from " + from + " to " + to + "; from "
                    + from + " it may move to " + from.next());
        }
        if (updateState(id, from, to, deadline, now) != 1) {
            return false;
        }
        event(id, from, to, detail, now);
        return true;
    }

    /** Active sessions whose deadline has passed: the deadline keeper submits them. */
    default List<Long> pastDeadline(Instant now) {
        return pastDeadline(SessionState.ACTIVE, now);
    }

    @SqlQuery("SELECT id FROM lab_sessions WHERE state = :active AND deadline_at <= :now ORDER BY deadline_at")
    List<Long> pastDeadline(@Bind("active") SessionState active, @Bind("now") Instant now);

    /**
     * Takes the session's progress-check slot: true (and the time recorded) only when it is active and no check
     * was taken since {@code notSince}; one statement, so double clicks and other replicas get false.
     */
    default int takeProgressSlot(long id, Instant now, Instant notSince) {
        return takeProgressSlot(id, SessionState.ACTIVE, now, notSince);
    }

    @SqlUpdate("UPDATE lab_sessions SET progress_checked_at = :now WHERE id = :id AND state = :active"
            + " AND (progress_checked_at IS NULL OR progress_checked_at <= :notSince)")
    int takeProgressSlot(
            @Bind("id") long id,
            @Bind("active") SessionState active,
            @Bind("now") Instant now,
            @Bind("notSince") Instant notSince);

    @SqlQuery("SELECT progress_checked_at FROM lab_sessions WHERE id = :id")
    Optional<Instant> progressCheckedAt(@Bind("id") long id);

    @SqlUpdate("UPDATE lab_sessions SET deadline_at = :deadline, updated_at = :now WHERE id = :id AND state = :active")
    int moveDeadline(
            @Bind("id") long id,
            @Bind("active") SessionState active,
            @Bind("deadline") Instant deadline,
            @Bind("now") Instant now);

    /** Gives an active session more time and logs who did; false when it is not active. */
    @Transaction
    default boolean extend(long id, java.time.Duration more, String by, Instant now) {
        Optional<LabSession> session = find(id);
        if (session.isEmpty() || session.get().deadlineAt() == null) {
            return false;
        }
        Instant deadline = session.get().deadlineAt().plus(more);
        if (moveDeadline(id, SessionState.ACTIVE, deadline, now) != 1) {
            return false;
        }
        event(
                id,
                SessionState.ACTIVE,
                SessionState.ACTIVE,
                "deadline extended by " + more.toMinutes() + " min to " + deadline + " by " + by,
                now);
        return true;
    }

    @SqlQuery("SELECT from_state, to_state, detail, at FROM lab_session_events WHERE lab_session_id = :id ORDER BY id")
    List<LabSessionEvent> events(@Bind("id") long id);
}
