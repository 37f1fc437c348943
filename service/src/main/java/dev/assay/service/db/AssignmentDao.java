package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Which staff members are assigned to which assessments: an interviewer's scope. */
public interface AssignmentDao {

    /** A staff member assigned to an assessment, by whom (null: Assay itself) and when. */
    record Assignee(
            long userId,
            String email,
            String displayName,
            String role,
            @Nullable Long assignedBy,
            Instant assignedAt) {}

    @SqlQuery("SELECT COUNT(*) FROM assessment_staff WHERE assessment_id = :a AND user_id = :u")
    int count(@Bind("a") long assessmentId, @Bind("u") long userId);

    default boolean assigned(long assessmentId, long userId) {
        return count(assessmentId, userId) > 0;
    }

    /** Fails on the primary key when the pair exists already (a concurrent assignment); the caller retries. */
    @SqlUpdate("INSERT INTO assessment_staff (assessment_id, user_id, assigned_by, assigned_at)"
            + " VALUES (:a, :u, :by, :at)")
    void insert(
            @Bind("a") long assessmentId,
            @Bind("u") long userId,
            @Bind("by") @Nullable Long assignedBy,
            @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM assessment_staff WHERE assessment_id = :a AND user_id = :u")
    int delete(@Bind("a") long assessmentId, @Bind("u") long userId);

    @SqlQuery("SELECT s.user_id, u.email, u.display_name, u.role, s.assigned_by, s.assigned_at"
            + " FROM assessment_staff s JOIN users u ON u.id = s.user_id"
            + " WHERE s.assessment_id = :a ORDER BY s.assigned_at, s.user_id")
    List<Assignee> assignees(@Bind("a") long assessmentId);

    /** Staff accounts one may assign: not disabled, by name. */
    @SqlQuery("SELECT " + UserDao.COLUMNS + " FROM users WHERE disabled_at IS NULL ORDER BY display_name, email")
    List<User> activeStaff();
}
