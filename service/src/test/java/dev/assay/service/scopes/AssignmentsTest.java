package dev.assay.service.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.StaffListDao;
import dev.assay.service.db.StaffSearch;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.db.User;
import dev.assay.service.db.UserDao;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Assignments: who on staff may open an assessment, each change in the grade log (H2 and PostgreSQL)")
class AssignmentsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    private static User user(Jdbi jdbi, String email, String role) {
        return jdbi.withExtension(UserDao.class, dao -> {
            dao.insert(email, email, role, "x", NOW);
            return dao.findByEmail(email).orElseThrow();
        });
    }

    private static long assessment(Jdbi jdbi, String name) {
        return jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate(name + "@example.com", name, null, NOW),
                        "devops-engineer",
                        "technical",
                        null,
                        NOW));
    }

    @ParameterizedTest
    @MethodSource("databases")
    @DisplayName("an interviewer opens and lists only assigned assessments; admins all; changes are logged once")
    void scopesFollowAssignments(Jdbi jdbi) {
        GradeLog log = new GradeLog(jdbi, Clock.fixed(NOW, ZoneOffset.UTC), AuditKey.of(new byte[32]));
        Assignments assignments = new Assignments(jdbi, log, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        User admin = user(jdbi, "boss@example.com", "admin");
        User ivy = user(jdbi, "ivy@example.com", "interviewer");
        long mine = assessment(jdbi, "Mine");
        long other = assessment(jdbi, "Other");

        assertThat(assignments.assign(mine, assignments.staff(" IVY@example.com "), admin.id()))
                .isTrue();
        assertThat(assignments.assign(mine, ivy, admin.id()))
                .as("again: nothing changes")
                .isFalse();
        assertThat(assignments.mayOpen(ivy, mine)).isTrue();
        assertThat(assignments.mayOpen(ivy, other)).isFalse();
        assertThat(assignments.mayOpen(ivy, 999_999)).isFalse();
        assertThat(assignments.mayOpen(admin, other)).isTrue();
        assertThat(assignments.assessments(ivy, StaffSearch.of(null), 0, 10))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(mine);
        assertThat(assignments.assessments(admin, StaffSearch.of(null), 0, 10))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(other, mine);
        assertThat(assignments.assignees(mine)).singleElement().satisfies(a -> {
            assertThat(a.email()).isEqualTo("ivy@example.com");
            assertThat(a.assignedBy()).isEqualTo(admin.id());
            assertThat(a.assignedAt()).isEqualTo(NOW);
        });

        assertThat(assignments.unassign(mine, "ivy@example.com", admin.id())).isTrue();
        assertThat(assignments.unassign(mine, "ivy@example.com", admin.id())).isFalse();
        assertThat(assignments.mayOpen(ivy, mine)).isFalse();
        List<GradeEventDao.Event> events = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(mine));
        assertThat(events)
                .extracting(GradeEventDao.Event::eventType)
                .containsExactly("staff-assigned", "staff-unassigned");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actorUserId()).isEqualTo(admin.id());
            assertThat(e.payload()).contains("ivy@example.com");
        });
        assertThat(log.verify(events)).as("the chain holds").isEqualTo(-1);
        assertThatThrownBy(() -> assignments.staff("nobody@example.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("./assay user add nobody@example.com");
    }

    @ParameterizedTest
    @MethodSource("databases")
    @DisplayName("admins assigning the same person at once make one assignment and one event")
    void concurrentAssignmentsMakeOne(Jdbi jdbi) throws Exception {
        GradeLog log = new GradeLog(jdbi, Clock.systemUTC(), AuditKey.of(new byte[32]));
        Assignments assignments = new Assignments(jdbi, log, new ObjectMapper(), Clock.systemUTC());
        User admin = user(jdbi, "lead@example.com", "admin");
        User ivy = user(jdbi, "ivy@example.com", "interviewer");
        long id = assessment(jdbi, "Raced");
        log.append(id, "scored", null, "{}"); // a chain to extend, as a graded assessment has
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return assignments.assign(id, ivy, admin.id());
                }));
            }
            start.countDown();
            int changed = 0;
            for (var result : results) {
                changed += result.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(changed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<GradeEventDao.Event> events = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(id));
        assertThat(events).extracting(GradeEventDao.Event::eventType).containsExactly("scored", "staff-assigned");
        assertThat(log.verify(events)).isEqualTo(-1);
        assertThat(assignments.assignees(id)).hasSize(1);
    }

    private static long assessment(Jdbi jdbi, String name, String email, String stage, Instant at) {
        return jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate(email, name, null, at), "devops-engineer", stage, null, at));
    }

    @ParameterizedTest
    @MethodSource("databases")
    @DisplayName(
            "the lists find candidates by any part of name or e-mail, literally, page by page, in the viewer's scope")
    void listsFindAndPage(Jdbi jdbi) {
        GradeLog log = new GradeLog(jdbi, Clock.fixed(NOW, ZoneOffset.UTC), AuditKey.of(new byte[32]));
        Assignments assignments = new Assignments(jdbi, log, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        User admin = user(jdbi, "boss@example.com", "admin");
        User ivy = user(jdbi, "ivy@example.com", "interviewer");
        long dee = assessment(jdbi, "Dee Dunn", "dee@example.com", "technical", NOW);
        long deeLater = assessment(jdbi, "Dee Dunn", "dee@example.com", "system-design", NOW.plusSeconds(60));
        long percent = assessment(jdbi, "Per Cent", "100%_sure@example.com", "technical", NOW.plusSeconds(120));
        long eve = assessment(jdbi, "Ève Évans", "eve@example.org", "technical", NOW.plusSeconds(180));
        assignments.assign(deeLater, ivy, admin.id());

        assertThat(assignments.assessments(admin, StaffSearch.of("  DUNN "), 0, 10))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(deeLater, dee);
        assertThat(assignments.assessments(admin, StaffSearch.of("example.org"), 0, 10))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(eve);
        assertThat(assignments.assessments(admin, StaffSearch.of("ÉVANS"), 0, 10))
                .as("case folds beyond ASCII")
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(eve);
        assertThat(assignments.assessments(admin, StaffSearch.of("0%_"), 0, 10))
                .as("%% and _ are literal")
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(percent);
        assertThat(assignments.countAssessments(admin, StaffSearch.of("%"))).isEqualTo(1);
        assertThat(assignments.countAssessments(admin, StaffSearch.of("e_e"))).isZero();
        assertThat(assignments.countAssessments(admin, StaffSearch.of(""))).isEqualTo(4);
        assertThat(assignments.assessments(admin, StaffSearch.of(null), 1, 2))
                .as("the second and third, newest first")
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(percent, deeLater);
        assertThat(assignments.assessments(ivy, StaffSearch.of("dee"), 0, 10))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(deeLater);
        assertThat(assignments.countAssessments(ivy, StaffSearch.of("eve"))).isZero();

        assertThat(assignments.countPlans(admin, StaffSearch.of(""))).isEqualTo(3);
        assertThat(assignments.plans(admin, StaffSearch.of(""), 0, 10))
                .as("one plan per candidate and role, the newest activity first")
                .containsExactly(
                        new StaffListDao.Plan("eve@example.org", "devops-engineer", eve),
                        new StaffListDao.Plan("100%_sure@example.com", "devops-engineer", percent),
                        new StaffListDao.Plan("dee@example.com", "devops-engineer", deeLater));
        assertThat(assignments.plans(admin, StaffSearch.of(""), 2, 10)).hasSize(1);
        List<StaffListDao.Plan> ivys = assignments.plans(ivy, StaffSearch.of(""), 0, 10);
        assertThat(ivys).containsExactly(new StaffListDao.Plan("dee@example.com", "devops-engineer", deeLater));
        assertThat(assignments.planOf(ivy, ivys.get(0)))
                .as("only the stage assigned to her")
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(deeLater);
        assertThat(assignments.planOf(admin, ivys.get(0)))
                .extracting(AssessmentSummary::assessmentId)
                .containsExactly(deeLater, dee);
    }
}
