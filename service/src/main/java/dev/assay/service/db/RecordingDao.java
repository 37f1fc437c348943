package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Terminal recordings: a header per lab session and its asciicast event lines in chunks. */
public interface RecordingDao {

    /** A recording's header: when it started (time zero of its events), the first window size, its size. */
    record Header(long labSessionId, Instant startedAt, int width, int height, long bytes, boolean capped) {}

    @SqlQuery("SELECT lab_session_id, started_at, width, height, bytes, capped FROM terminal_recordings"
            + " WHERE lab_session_id = :id")
    Optional<Header> header(@Bind("id") long labSessionId);

    @SqlUpdate("INSERT INTO terminal_recordings (lab_session_id, started_at, width, height)"
            + " VALUES (:id, :at, :width, :height)")
    void insertHeader(
            @Bind("id") long labSessionId,
            @Bind("at") Instant at,
            @Bind("width") int width,
            @Bind("height") int height);

    @SqlUpdate(
            "UPDATE terminal_recordings SET bytes = bytes + :bytes WHERE lab_session_id = :id AND bytes + :bytes <= :cap"
                    + " AND capped = FALSE")
    int reserve(@Bind("id") long labSessionId, @Bind("bytes") long bytes, @Bind("cap") long cap);

    @SqlUpdate("UPDATE terminal_recordings SET capped = TRUE WHERE lab_session_id = :id AND capped = FALSE")
    int cap(@Bind("id") long labSessionId);

    @SqlQuery("SELECT COALESCE(MAX(seq), 0) FROM terminal_chunks WHERE lab_session_id = :id")
    int lastSeq(@Bind("id") long labSessionId);

    @SqlUpdate("INSERT INTO terminal_chunks (lab_session_id, seq, events) VALUES (:id, :seq, :events)")
    void insertChunk(@Bind("id") long labSessionId, @Bind("seq") int seq, @Bind("events") String events);

    /**
     * Appends event lines within the cap, in one transaction; when they would pass it, marks the recording capped
     * and appends {@code cappedMarker} instead (once). Returns false when nothing more will be kept.
     */
    @Transaction
    default boolean append(long labSessionId, String events, long bytes, long cap, String cappedMarker) {
        if (reserve(labSessionId, bytes, cap) == 1) {
            insertChunk(labSessionId, lastSeq(labSessionId) + 1, events);
            return true;
        }
        if (cap(labSessionId) == 1) {
            insertChunk(labSessionId, lastSeq(labSessionId) + 1, cappedMarker);
        }
        return false;
    }

    @SqlQuery("SELECT events FROM terminal_chunks WHERE lab_session_id = :id ORDER BY seq")
    List<String> chunks(@Bind("id") long labSessionId);
}
