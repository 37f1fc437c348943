package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.environment.EnvironmentHandle;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabSessionDaoTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static long assessment(Jdbi jdbi) {
        return jdbi.withExtension(AssessmentDao.class, dao -> {
            long candidate = dao.insertCandidate("lee@example.com", "Lee", null, NOW);
            return dao.insertAssessment(candidate, "devops-engineer", "technical", null, NOW);
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneAttemptPerLabAndTransitionsHappenOnce(Jdbi jdbi) {
        long assessment = assessment(jdbi);
        jdbi.useExtension(LabSessionDao.class, dao -> {
            long id = dao.insert(assessment, "linux-web-outage", "1", 1, NOW);
            assertThatThrownBy(() -> dao.insert(assessment, "linux-web-outage", "1", 1, NOW))
                    .as("a second start of the same attempt")
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThat(dao.latest(assessment, "linux-web-outage").orElseThrow().id())
                    .isEqualTo(id);

            Instant deadline = NOW.plusSeconds(1200);
            assertThat(dao.transition(id, SessionState.PROVISIONING, SessionState.ACTIVE, deadline, "ready", NOW))
                    .isTrue();
            assertThat(dao.transition(id, SessionState.PROVISIONING, SessionState.PROVISION_FAILED, null, "late", NOW))
                    .as("the losing transition writes nothing")
                    .isFalse();
            LabSession session = dao.find(id).orElseThrow();
            assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
            assertThat(session.deadlineAt()).isEqualTo(deadline);
            assertThat(dao.isLive(id)).isTrue();
            assertThat(dao.inStates(SessionState.live()))
                    .extracting(LabSession::id)
                    .containsExactly(id);
            assertThat(dao.events(id))
                    .extracting(LabSessionEvent::fromState, LabSessionEvent::toState)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(null, SessionState.PROVISIONING),
                            org.assertj.core.groups.Tuple.tuple(SessionState.PROVISIONING, SessionState.ACTIVE));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    @DisplayName("States are stored as the same lower-case words as before the enum, in the table and the event log")
    void statesAreStoredAsTheirWireValues(Jdbi jdbi) {
        long assessment = assessment(jdbi);
        long id = jdbi.withExtension(LabSessionDao.class, dao -> {
            long inserted = dao.insert(assessment, "linux-web-outage", "1", 1, NOW);
            dao.transition(inserted, SessionState.PROVISIONING, SessionState.PROVISION_FAILED, null, "no", NOW);
            return inserted;
        });
        jdbi.useHandle(handle -> {
            assertThat(handle.createQuery("SELECT state FROM lab_sessions WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .one())
                    .isEqualTo("provision_failed");
            assertThat(handle.createQuery("SELECT COALESCE(from_state, '-') || '>' || to_state FROM lab_session_events"
                                    + " WHERE lab_session_id = :id ORDER BY id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .list())
                    .containsExactly("->provisioning", "provisioning>provision_failed");
        });
        jdbi.useExtension(LabSessionDao.class, dao -> {
            assertThat(dao.countIn(SessionState.PROVISION_FAILED)).isEqualTo(1);
            assertThat(dao.isLive(id)).isFalse();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    @DisplayName("A transition the state table does not allow is refused, naming both states, and writes nothing")
    void aTransitionOutsideTheTableIsRefused(Jdbi jdbi) {
        long assessment = assessment(jdbi);
        jdbi.useExtension(LabSessionDao.class, dao -> {
            long id = dao.insert(assessment, "linux-web-outage", "1", 1, NOW);
            assertThatThrownBy(() -> dao.transition(id, SessionState.PROVISIONING, SessionState.GRADED, null, "", NOW))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from provisioning to graded");
            assertThat(dao.find(id).orElseThrow().state()).isEqualTo(SessionState.PROVISIONING);
            assertThat(dao.events(id)).hasSize(1);
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPoolEnvironmentIsBoundToExactlyOneSession(Jdbi jdbi) {
        long assessment = assessment(jdbi);
        long first = jdbi.withExtension(LabSessionDao.class, dao -> dao.insert(assessment, "a", "1", 1, NOW));
        long second = jdbi.withExtension(LabSessionDao.class, dao -> dao.insert(assessment, "b", "1", 1, NOW));
        EnvironmentHandle pooled = new EnvironmentHandle("container", "c0ffee", "pool-a-123");
        jdbi.useExtension(EnvironmentHandleDao.class, dao -> {
            dao.insert(null, "a", pooled, NOW, NOW.plusSeconds(3600));
            assertThat(dao.unclaimed("container", "a", NOW))
                    .extracting(StoredHandle::handle)
                    .containsExactly(pooled);
            assertThat(dao.unclaimed("container", "a", NOW.plusSeconds(7200)))
                    .as("expired entries are not offered")
                    .isEmpty();
            assertThat(dao.isNeeded("container", "c0ffee"))
                    .as("unclaimed pool entry")
                    .isTrue();

            assertThat(dao.bind("container", "c0ffee", first)).isEqualTo(1);
            assertThat(dao.bind("container", "c0ffee", second)).isZero();
            assertThat(dao.forSession(first).orElseThrow().handle()).isEqualTo(pooled);
            assertThat(dao.forSession(second)).isEmpty();
            assertThat(dao.unclaimed("container", "a", NOW)).isEmpty();
        });

        jdbi.useExtension(LabSessionDao.class, dao -> {
            dao.transition(first, SessionState.PROVISIONING, SessionState.ACTIVE, NOW, "ready", NOW);
            dao.transition(first, SessionState.ACTIVE, SessionState.GRADING, null, "submitted", NOW);
            dao.transition(first, SessionState.GRADING, SessionState.GRADED, null, "graded", NOW);
        });
        jdbi.useExtension(EnvironmentHandleDao.class, dao -> {
            assertThat(dao.isNeeded("container", "c0ffee"))
                    .as("its session is over")
                    .isFalse();
            assertThat(dao.markDestroyed("container", "c0ffee", NOW)).isEqualTo(1);
            assertThat(dao.markDestroyed("container", "c0ffee", NOW)).isZero();
            assertThat(dao.forSession(first)).isEmpty();
            assertThat(dao.isNeeded("container", "unknown")).isFalse();
        });
        assertThat(List.of(first, second)).doesNotHaveDuplicates();
    }
}
