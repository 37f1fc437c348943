package dev.assay.service.db;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Check results, written one by one as checks finish; a run's rows are its complete record. */
public interface CheckResultDao {

    /** Inserts one result; a second insert of the same run and check fails on the unique key. */
    @SqlUpdate("INSERT INTO check_results (lab_session_id, grading_run, purpose, check_id, grader_id, grader_version,"
            + " status, credit, trusted, message, observations, evidence_refs, output, output_truncated, started_at,"
            + " finished_at) VALUES (:labSessionId, :gradingRun, :purpose, :checkId, :graderId, :graderVersion,"
            + " :status, :credit, :trusted, :message, :observations, :evidenceRefs, :output, :outputTruncated,"
            + " :startedAt, :finishedAt)")
    void insert(@BindMethods StoredCheckResult result);

    @SqlQuery("SELECT lab_session_id, grading_run, purpose, check_id, grader_id, grader_version, status, credit,"
            + " trusted, message, observations, evidence_refs, output, output_truncated, started_at, finished_at"
            + " FROM check_results WHERE grading_run = :run ORDER BY id")
    List<StoredCheckResult> ofRun(@Bind("run") String run);

    @SqlQuery("SELECT check_id FROM check_results WHERE grading_run = :run")
    Set<String> checkIdsOf(@Bind("run") String run);

    @SqlQuery("SELECT COUNT(DISTINCT grading_run) FROM check_results WHERE lab_session_id = :id AND purpose = :purpose")
    int runsOf(@Bind("id") long labSessionId, @Bind("purpose") String purpose);
}
