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
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long assessment = invite(dao, "tok-c");
            dao.insertCandidateSession("sess-c", assessment, NOW, LATER);
            assertThat(dao.findCandidateSession("sess-c", NOW)).contains(assessment);
            assertThat(dao.findCandidateSession("sess-c", LATER)).isEmpty();
            assertThat(dao.deleteCandidateSession("sess-c")).isEqualTo(1);
            assertThat(dao.findCandidateSession("sess-c", NOW)).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void summariesListNewestFirst(Jdbi jdbi) {
        jdbi.useExtension(AssessmentDao.class, dao -> {
            long first = invite(dao, "tok-1");
            long candidate = dao.insertCandidate("eve@example.com", "Eve", null, LATER);
            long second = dao.insertAssessment(candidate, "devops-engineer", "system-design", null, LATER);

            assertThat(dao.recent(10))
                    .extracting(AssessmentSummary::assessmentId)
                    .containsExactly(second, first);
            AssessmentSummary summary = dao.findSummary(first).orElseThrow();
            assertThat(summary.status()).isEqualTo("invited");
            assertThat(summary.invitationExpiresAt()).isEqualTo(LATER);
            assertThat(summary.invitationAcceptedAt()).isNull();
            assertThat(dao.countAssessments()).isEqualTo(2);
        });
    }
}
