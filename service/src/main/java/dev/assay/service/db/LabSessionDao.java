package dev.assay.service.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Lab sessions (a candidate's attempt at one lab); more arrives with the candidate flow. */
public interface LabSessionDao {

    /** Whether the session exists and still needs its environment. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM lab_sessions WHERE id = :id AND state IN ('provisioning', 'active', 'grading')")
    boolean isLive(@Bind("id") long id);
}
