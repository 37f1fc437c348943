package dev.assay.service.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written row mappers for the records read on every page view. Jdbi's reflective constructor mapper
 * matches columns to parameters anew for each result set; these read columns by name, nothing else. They are
 * registered in {@link Persistence}, so the DAOs use them too and every DAO test covers them.
 */
final class Rows {
    static final RowMapper<AssessmentSummary> ASSESSMENT_SUMMARY = (rs, ctx) -> new AssessmentSummary(
            rs.getLong("assessment_id"),
            rs.getLong("candidate_id"),
            rs.getString("candidate_name"),
            rs.getString("candidate_email"),
            rs.getString("role_id"),
            rs.getString("stage"),
            rs.getString("status"),
            instant(rs, "created_at"),
            nullableInstant(rs, "invitation_expires_at"),
            nullableInstant(rs, "invitation_accepted_at"));

    static final RowMapper<LabSession> LAB_SESSION = (rs, ctx) -> new LabSession(
            rs.getLong("id"),
            rs.getLong("assessment_id"),
            rs.getString("lab_id"),
            rs.getString("lab_version"),
            rs.getInt("attempt"),
            SessionState.of(rs.getString("state")),
            nullableInstant(rs, "deadline_at"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private Rows() {}

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new SQLException("column " + column + " is NULL where a time is required");
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
