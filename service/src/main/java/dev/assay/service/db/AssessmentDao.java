package dev.assay.service.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Candidates, their assessments (candidate x role x stage), invitations and candidate sessions. */
public interface AssessmentDao {

    @SqlUpdate("INSERT INTO candidates (email, full_name, created_by, created_at)"
            + " VALUES (:email, :fullName, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insertCandidate(
            @Bind("email") String email,
            @Bind("fullName") String fullName,
            @Bind("createdBy") @Nullable Long createdBy,
            @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO assessments (candidate_id, role_id, stage, status, created_by, created_at)"
            + " VALUES (:candidateId, :roleId, :stage, 'invited', :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insertAssessment(
            @Bind("candidateId") long candidateId,
            @Bind("roleId") String roleId,
            @Bind("stage") String stage,
            @Bind("createdBy") @Nullable Long createdBy,
            @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO invitations (assessment_id, token_hash, created_by, created_at, expires_at)"
            + " VALUES (:assessmentId, :tokenHash, :createdBy, :createdAt, :expiresAt)")
    @GetGeneratedKeys("id")
    long insertInvitation(
            @Bind("assessmentId") long assessmentId,
            @Bind("tokenHash") String tokenHash,
            @Bind("createdBy") @Nullable Long createdBy,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT i.id, i.assessment_id, c.full_name AS candidate_name, a.role_id, a.stage,"
            + " i.expires_at, i.accepted_at"
            + " FROM invitations i JOIN assessments a ON a.id = i.assessment_id"
            + " JOIN candidates c ON c.id = a.candidate_id WHERE i.token_hash = :tokenHash")
    Optional<Invitation> findInvitation(@Bind("tokenHash") String tokenHash);

    /** Marks the invitation used; 1 only for the first caller, and only before it expires. */
    @SqlUpdate("UPDATE invitations SET accepted_at = :now"
            + " WHERE token_hash = :tokenHash AND accepted_at IS NULL AND expires_at > :now")
    int acceptInvitation(@Bind("tokenHash") String tokenHash, @Bind("now") Instant now);

    /** The assessment's seed: its composition's, and what its labs' parameter values are drawn from. */
    @SqlQuery("SELECT composition_seed FROM assessments WHERE id = :id AND composition_seed IS NOT NULL")
    Optional<Long> seedOf(@Bind("id") long id);

    @SqlUpdate("UPDATE assessments SET composition_seed = :seed WHERE id = :id")
    void setSeed(@Bind("id") long id, @Bind("seed") long seed);

    /** How the assessment's labs were chosen ('auto' from the seed, 'picked' by staff). */
    @SqlUpdate("UPDATE assessments SET composition = :composition, composition_seed = :seed WHERE id = :id")
    void setComposition(
            @Bind("id") long id, @Bind("composition") String composition, @Bind("seed") @Nullable Long seed);

    @SqlUpdate("INSERT INTO assessment_labs (assessment_id, position, lab_id) VALUES (:id, :position, :labId)")
    void insertLab(@Bind("id") long assessmentId, @Bind("position") int position, @Bind("labId") String labId);

    /** The assessment's own labs in their order; empty for an assessment made before labs were per candidate. */
    @SqlQuery("SELECT lab_id FROM assessment_labs WHERE assessment_id = :id ORDER BY position")
    List<String> labsOf(@Bind("id") long assessmentId);

    @SqlUpdate("UPDATE assessments SET status = :status WHERE id = :id")
    int updateStatus(@Bind("id") long id, @Bind("status") String status);

    @SqlUpdate("INSERT INTO candidate_sessions (token_hash, assessment_id, created_at, expires_at)"
            + " VALUES (:tokenHash, :assessmentId, :createdAt, :expiresAt)")
    void insertCandidateSession(
            @Bind("tokenHash") String tokenHash,
            @Bind("assessmentId") long assessmentId,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt);

    /** The assessment of an unexpired candidate session: read on every candidate request by {@link CandidateReads}. */
    String CANDIDATE_SESSION =
            "SELECT assessment_id FROM candidate_sessions WHERE token_hash = :tokenHash AND expires_at > :now";

    @SqlUpdate("DELETE FROM candidate_sessions WHERE token_hash = :tokenHash")
    int deleteCandidateSession(@Bind("tokenHash") String tokenHash);

    String SUMMARY = "SELECT a.id AS assessment_id, c.id AS candidate_id, c.full_name AS candidate_name,"
            + " c.email AS candidate_email, a.role_id, a.stage, a.status, a.created_at,"
            + " i.expires_at AS invitation_expires_at, i.accepted_at AS invitation_accepted_at"
            + " FROM assessments a JOIN candidates c ON c.id = a.candidate_id"
            + " LEFT JOIN invitations i ON i.assessment_id = a.id";

    @SqlQuery(SUMMARY + " WHERE a.id = :id")
    Optional<AssessmentSummary> findSummary(@Bind("id") long id);

    /** One candidate's assessments for a role, oldest first: the stages of their hiring plan so far. */
    @SqlQuery(SUMMARY + " WHERE c.email = :email AND a.role_id = :roleId ORDER BY a.id")
    List<AssessmentSummary> ofCandidate(@Bind("email") String email, @Bind("roleId") String roleId);

    @SqlQuery("SELECT COUNT(*) FROM assessments")
    long countAssessments();
}
