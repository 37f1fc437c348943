package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.environment.EnvironmentHandle;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
            assertThat(dao.transition(id, "provisioning", "active", deadline, "ready", NOW))
                    .isTrue();
            assertThat(dao.transition(id, "provisioning", "provision_failed", null, "late", NOW))
                    .as("the losing transition writes nothing")
                    .isFalse();
            LabSession session = dao.find(id).orElseThrow();
            assertThat(session.state()).isEqualTo("active");
            assertThat(session.deadlineAt()).isEqualTo(deadline);
            assertThat(dao.isLive(id)).isTrue();
            assertThat(dao.inStates(LabSession.LIVE)).extracting(LabSession::id).containsExactly(id);
            assertThat(dao.events(id))
                    .extracting(LabSessionEvent::fromState, LabSessionEvent::toState)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(null, "provisioning"),
                            org.assertj.core.groups.Tuple.tuple("provisioning", "active"));
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

        jdbi.useExtension(LabSessionDao.class, dao -> dao.transition(first, "provisioning", "graded", null, "", NOW));
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
