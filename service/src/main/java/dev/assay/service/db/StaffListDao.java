package dev.assay.service.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The staff lists, a page at a time: assessments, and hiring plans (a candidate's assessments for one role, joined by
 * e-mail), whose candidate's name or e-mail matches a {@link StaffSearch} pattern ({@code q}), of every candidate
 * ({@code everyone}) or only those with an assessment assigned to the staff member {@code u}. Newest first, with a
 * stable order so that pages neither skip nor repeat a row.
 */
public interface StaffListDao {
    /** The rows one may list: matching the search, and everyone's or assigned to {@code u}. */
    String LISTED = " WHERE (LOWER(c.email) LIKE LOWER(:q) ESCAPE '!' OR LOWER(c.full_name) LIKE LOWER(:q) ESCAPE '!')"
            + " AND (:everyone OR a.id IN (SELECT s.assessment_id FROM assessment_staff s WHERE s.user_id = :u))";

    /** One row per plan: the candidate's e-mail, the role, the newest listed assessment of it. */
    String PLANS = "SELECT c.email AS email, a.role_id AS role_id, MAX(a.id) AS newest"
            + " FROM assessments a JOIN candidates c ON c.id = a.candidate_id" + LISTED
            + " GROUP BY c.email, a.role_id";

    /** A hiring plan of the list: its candidate's e-mail, its role and its newest assessment one may list. */
    record Plan(String email, String roleId, long newest) {}

    @SqlQuery(AssessmentDao.SUMMARY + LISTED + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
    List<AssessmentSummary> assessments(
            @Bind("q") String pattern,
            @Bind("everyone") boolean everyone,
            @Bind("u") long userId,
            @Bind("limit") int limit,
            @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM assessments a JOIN candidates c ON c.id = a.candidate_id" + LISTED)
    long countAssessments(@Bind("q") String pattern, @Bind("everyone") boolean everyone, @Bind("u") long userId);

    @SqlQuery(PLANS + " ORDER BY newest DESC LIMIT :limit OFFSET :offset")
    List<Plan> plans(
            @Bind("q") String pattern,
            @Bind("everyone") boolean everyone,
            @Bind("u") long userId,
            @Bind("limit") int limit,
            @Bind("offset") long offset);

    @SqlQuery("SELECT COUNT(*) FROM (" + PLANS + ") p")
    long countPlans(@Bind("q") String pattern, @Bind("everyone") boolean everyone, @Bind("u") long userId);
}
