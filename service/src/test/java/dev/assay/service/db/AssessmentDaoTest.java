package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentDaoTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static long invite(AssessmentDao dao, String tokenHash) {
        long candidate = dao.insertCandidate("dee@example.com", "Dee", null, NOW);
        long assessment = dao.insertAssessment(candidate, "devops-engineer", "technical", null, NOW);
        dao.insertInvitation(assessment, tokenHash, null, NOW, LATER);
        return assessment;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anInvitationIsAcceptedOnceAndOnlyBeforeItExpires(Jdbi jdbi) {
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long assessment = invite(dao, "tok-a");
            invite(dao, "tok-b");

            Invitation open = dao.findInvitation("tok-a").orElseThrow();
            assertThat(open.assessmentId()).isEqualTo(assessment);
            assertThat(open.candidateName()).isEqualTo("Dee");
            assertThat(open.usableAt(NOW)).isTrue();

            assertThat(dao.acceptInvitation("tok-a", NOW.plusSeconds(1))).isEqualTo(1);
            assertThat(dao.acceptInvitation("tok-a", NOW.plusSeconds(2))).isZero();
            assertThat(dao.findInvitation("tok-a").orElseThrow().usableAt(NOW)).isFalse();

            assertThat(dao.acceptInvitation("tok-b", LATER)).isZero();
            assertThat(dao.acceptInvitation("unknown", NOW)).isZero();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void candidateSessionsOpenTheirAssessmentUntilExpiry(Jdbi jdbi) {
        CandidateReads reads = new CandidateReads(jdbi);
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long assessment = invite(dao, "tok-c");
            dao.insertCandidateSession("sess-c", assessment, NOW, LATER);
            assertThat(reads.assessmentForSession("sess-c", NOW)).contains(assessment);
            assertThat(reads.assessmentForSession("sess-c", LATER)).isEmpty();
            assertThat(dao.deleteCandidateSession("sess-c")).isEqualTo(1);
            assertThat(reads.assessmentForSession("sess-c", NOW)).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void summariesListNewestFirst(Jdbi jdbi) {
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long first = invite(dao, "tok-1");
            long candidate = dao.insertCandidate("eve@example.com", "Eve", null, LATER);
            long second = dao.insertAssessment(candidate, "devops-engineer", "system-design", null, LATER);

            java.util.List<AssessmentSummary> listed =
                    jdbi.withExtension(StaffListDao.class, list -> list.assessments("%", true, 0, 10, 0));
            assertThat(listed).extracting(AssessmentSummary::assessmentId).containsExactly(second, first);
            AssessmentSummary summary = dao.findSummary(first).orElseThrow();
            assertThat(summary.status()).isEqualTo("invited");
            assertThat(summary.invitationExpiresAt()).isEqualTo(LATER);
            assertThat(summary.invitationAcceptedAt()).isNull();
            assertThat(dao.countAssessments()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void candidateReadsGiveWhatTheDaosGive(Jdbi jdbi) {
        long assessment = jdbi.withExtension(AssessmentDao.class, dao -> {
            long id = invite(dao, "tok-r");
            dao.acceptInvitation("tok-r", NOW.plusSeconds(5));
            dao.insertCandidateSession("sess-r", id, NOW, LATER);
            return id;
        });
        jdbi.useExtension(LabSessionDao.class, dao -> {
            long first = dao.insert(assessment, "linux-web-outage", "3", 1, NOW);
            dao.transition(first, SessionState.PROVISIONING, SessionState.ACTIVE, LATER, "ready", NOW.plusSeconds(1));
            dao.insert(assessment, "git-rescue", "1", 1, NOW.plusSeconds(2));
        });
        CandidateReads reads = new CandidateReads(jdbi);

        assertThat(reads.assessmentForSession("sess-r", NOW)).contains(assessment);
        assertThat(reads.assessmentForSession("sess-r", LATER)).isEmpty();
        assertThat(reads.assessmentForSession("unknown", NOW)).isEmpty();

        CandidateReads.Status status = reads.status(assessment).orElseThrow();
        assertThat(status.assessment())
                .isEqualTo(jdbi.withExtension(AssessmentDao.class, dao -> dao.findSummary(assessment))
                        .orElseThrow());
        assertThat(status.assessment().invitationAcceptedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(status.sessions())
                .isEqualTo(jdbi.withExtension(LabSessionDao.class, dao -> dao.forAssessment(assessment)))
                .extracting(LabSession::labId, LabSession::state, LabSession::deadlineAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("git-rescue", SessionState.PROVISIONING, null),
                        org.assertj.core.groups.Tuple.tuple("linux-web-outage", SessionState.ACTIVE, LATER));
        assertThat(reads.status(assessment + 1000)).isEmpty();
    }
}
