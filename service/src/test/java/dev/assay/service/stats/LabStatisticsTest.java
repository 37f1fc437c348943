package dev.assay.service.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.StoredCheckResult;
import dev.assay.service.db.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The report reads final results of graded attempts of one version only, and leaves out attempts with gaps. */
class LabStatisticsTest {
    private static final String LAB = "linux-web-outage";
    private static final List<String> CHECKS =
            List.of("config-valid", "serves-shop", "nginx-listens", "config-listens-80");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static LabCatalog catalog;

    @BeforeAll
    static void loadLabs() throws Exception {
        catalog = LabCatalog.load(Path.of("..", "labs"), GraderRegistry.discover());
    }

    static Stream<Named<Jdbi>> databases() {
        return TestDatabases.both();
    }

    /** A graded attempt at {@code version} with these final credits (null: not gradable), in CHECKS order. */
    private static long attempt(
            Jdbi jdbi,
            long assessment,
            int number,
            String version,
            @org.jspecify.annotations.Nullable Double... credits) {
        long id = jdbi.withExtension(LabSessionDao.class, dao -> {
            long session = dao.insert(assessment, LAB, version, number, NOW);
            dao.transition(session, LabSession.PROVISIONING, LabSession.ACTIVE, NOW, "ready", NOW);
            dao.transition(session, LabSession.ACTIVE, LabSession.GRADING, null, "submitted", NOW);
            dao.transition(session, LabSession.GRADING, LabSession.GRADED, null, "graded", NOW);
            return session;
        });
        for (int j = 0; j < CHECKS.size(); j++) {
            Double credit = credits[j];
            String check = CHECKS.get(j);
            String status = credit == null ? "error" : credit >= 1 ? "pass" : credit == 0 ? "fail" : "partial";
            jdbi.useExtension(
                    CheckResultDao.class,
                    dao -> dao.insert(new StoredCheckResult(
                            id,
                            "final-" + id,
                            "final",
                            check,
                            "file",
                            "1",
                            status,
                            credit,
                            true,
                            null,
                            "[]",
                            "[]",
                            null,
                            false,
                            NOW,
                            NOW)));
        }
        return id;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void finalResultsOfGradedAttemptsOfOneVersion(Jdbi jdbi) {
        long assessment = jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate("s@example.com", "S", null, NOW),
                        "devops-engineer",
                        "technical",
                        null,
                        NOW));
        attempt(jdbi, assessment, 1, "1", 1.0, 1.0, 1.0, 1.0);
        attempt(jdbi, assessment, 2, "1", 1.0, 1.0, 0.0, 1.0);
        attempt(jdbi, assessment, 3, "1", 1.0, 0.0, 1.0, 0.0);
        attempt(jdbi, assessment, 4, "1", 0.0, 0.0, 0.0, 0.0);
        attempt(jdbi, assessment, 5, "1", 1.0, null, 1.0, 1.0); // one check not gradable: left out
        attempt(jdbi, assessment, 6, "0", 0.0, 1.0, 0.0, 1.0); // another version: not this report's

        LabStatistics.Report report =
                new LabStatistics(jdbi, catalog).of(LAB, null).orElseThrow();

        assertThat(report.version()).isEqualTo("1");
        assertThat(report.attempts()).isEqualTo(4);
        assertThat(report.leftOut()).isEqualTo(1);
        double[][] expected = {{1, 1, 1, 1}, {1, 1, 0, 1}, {1, 0, 1, 0}, {0, 0, 0, 0}};
        assertThat(report.checks()).isEqualTo(ItemStatistics.items(CHECKS, expected));
        assertThat(report.alphaBySkill()).containsOnlyKeys("linux", "monitoring");
        assertThat(new LabStatistics(jdbi, catalog).of(LAB, "0").orElseThrow().attempts())
                .isEqualTo(1);
        assertThat(new LabStatistics(jdbi, catalog).of("no-such-lab", null)).isEmpty();
    }
}
