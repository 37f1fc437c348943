package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recordings keep chunks in order within the cap, then say once that they were cut; also the progress slot. */
class RecordingDaoTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static long session(Jdbi jdbi) {
        long assessment = jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate("rae@example.com", "Rae", null, NOW),
                        "devops-engineer",
                        "technical",
                        null,
                        NOW));
        long id =
                jdbi.withExtension(LabSessionDao.class, dao -> dao.insert(assessment, "linux-web-outage", "1", 1, NOW));
        jdbi.useExtension(
                LabSessionDao.class,
                dao -> dao.transition(
                        id, SessionState.PROVISIONING, SessionState.ACTIVE, NOW.plusSeconds(1200), "ready", NOW));
        return id;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void chunksStayInOrderUntilTheCapThenOneMarker(Jdbi jdbi) {
        long session = session(jdbi);
        jdbi.useExtension(RecordingDao.class, dao -> {
            dao.insertHeader(session, NOW, 80, 24);
            assertThat(dao.append(session, "[0.1, \"o\", \"a\"]\n", 17, 40, "[9, \"m\", \"capped\"]\n"))
                    .isTrue();
            assertThat(dao.append(session, "[0.2, \"o\", \"b\"]\n", 17, 40, "[9, \"m\", \"capped\"]\n"))
                    .isTrue();
            assertThat(dao.append(session, "[0.3, \"o\", \"c\"]\n", 17, 40, "[9, \"m\", \"capped\"]\n"))
                    .as("past the cap of 40 bytes")
                    .isFalse();
            assertThat(dao.append(session, "[0.4, \"o\", \"d\"]\n", 17, 40, "[9, \"m\", \"capped\"]\n"))
                    .isFalse();
            assertThat(dao.chunks(session))
                    .containsExactly("[0.1, \"o\", \"a\"]\n", "[0.2, \"o\", \"b\"]\n", "[9, \"m\", \"capped\"]\n");
            RecordingDao.Header header = dao.header(session).orElseThrow();
            assertThat(header.bytes()).isEqualTo(34);
            assertThat(header.capped()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneProgressCheckPerIntervalAndExtensionsAreLogged(Jdbi jdbi) {
        long session = session(jdbi);
        jdbi.useExtension(LabSessionDao.class, dao -> {
            Duration interval = Duration.ofSeconds(15);
            assertThat(dao.takeProgressSlot(session, NOW, NOW.minus(interval))).isEqualTo(1);
            assertThat(dao.takeProgressSlot(
                            session, NOW.plusSeconds(5), NOW.plusSeconds(5).minus(interval)))
                    .isZero();
            assertThat(dao.takeProgressSlot(
                            session, NOW.plusSeconds(15), NOW.plusSeconds(15).minus(interval)))
                    .isEqualTo(1);
            assertThat(dao.pastDeadline(NOW.plusSeconds(1199))).isEmpty();
            assertThat(dao.pastDeadline(NOW.plusSeconds(1200))).containsExactly(session);
            assertThat(dao.extend(session, Duration.ofMinutes(10), "an admin", NOW))
                    .isTrue();
            assertThat(dao.pastDeadline(NOW.plusSeconds(1200))).isEmpty();
            assertThat(dao.find(session).orElseThrow().deadlineAt()).isEqualTo(NOW.plusSeconds(1800));
            assertThat(dao.events(session).get(2).detail()).startsWith("deadline extended by 10 min");
        });
    }
}
