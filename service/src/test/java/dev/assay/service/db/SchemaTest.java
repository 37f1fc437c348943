package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The schema migrates to the same tables on H2 and PostgreSQL")
class SchemaTest {
    static final List<String> TABLES = List.of(
            "users",
            "web_sessions",
            "candidates",
            "assessments",
            "invitations",
            "candidate_sessions",
            "lab_sessions",
            "lab_session_events",
            "environment_handles",
            "check_results",
            "grade_events",
            "terminal_recordings",
            "jobs",
            "assessment_staff");

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyTableExists(Jdbi jdbi) {
        List<String> tables = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")
                .mapTo(String.class)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .list());
        assertThat(tables).containsAll(TABLES);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void checkConstraintsHoldOnBoth(Jdbi jdbi) {
        assertRejectedBy(
                jdbi,
                "INSERT INTO users (email, display_name, role, password_hash, created_at)"
                        + " VALUES ('a@b', 'A', 'candidate', 'x', :now)",
                "users_role_ck");
        assertRejectedBy(
                jdbi,
                "INSERT INTO jobs (kind, idempotency_key, payload, status, attempts, run_after, created_at, updated_at)"
                        + " VALUES ('grade', 'k', '{}', 'lost', 0, :now, :now, :now)",
                "jobs_status_ck");
    }

    private static void assertRejectedBy(Jdbi jdbi, String sql, String constraint) {
        assertThatThrownBy(() -> jdbi.useHandle(handle ->
                        handle.createUpdate(sql).bind("now", Instant.now()).execute()))
                .message()
                .containsIgnoringCase(constraint);
    }
}
