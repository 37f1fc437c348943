package dev.assay.service.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.grading.GraderRegistry;
import dev.assay.service.catalog.LabCatalog;
import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.CheckResultDao;
import dev.assay.service.db.LabSessionDao;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.StoredCheckResult;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.db.UserDao;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeEvents;
import dev.assay.service.scoring.GradeLog;
import dev.assay.service.scoring.Scoring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
            List.of("config-serves-80", "serves-shop", "nginx-listens", "nginx-test-in-lab");
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
        return attempt(jdbi, assessment, number, version, null, credits);
    }

    /** As above, with the session's recorded parameter values (JSON). */
    private static long attempt(
            Jdbi jdbi,
            long assessment,
            int number,
            String version,
            @org.jspecify.annotations.Nullable String parameters,
            @org.jspecify.annotations.Nullable Double... credits) {
        long id = jdbi.withExtension(LabSessionDao.class, dao -> {
            long session = dao.insert(assessment, LAB, version, number, NOW, parameters);
            dao.transition(session, SessionState.PROVISIONING, SessionState.ACTIVE, NOW, "ready", NOW);
            dao.transition(session, SessionState.ACTIVE, SessionState.GRADING, null, "submitted", NOW);
            dao.transition(session, SessionState.GRADING, SessionState.GRADED, null, "graded", NOW);
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

    private static LabStatistics statistics(Jdbi jdbi) {
        return new LabStatistics(jdbi, catalog, scoring(jdbi));
    }

    private static Scoring scoring(Jdbi jdbi) {
        AuditKey key = AuditKey.of(new byte[32]);
        return new Scoring(
                jdbi, catalog, new GradeLog(jdbi, Clock.fixed(NOW, ZoneOffset.UTC), key), new ObjectMapper());
    }

    /** A technical-stage assessment whose candidate was given linux-web-outage, as an invitation records it. */
    private static long assessment(Jdbi jdbi, String email) {
        return jdbi.withExtension(AssessmentDao.class, dao -> {
            long id = dao.insertAssessment(
                    dao.insertCandidate(email, "S", null, NOW), "devops-engineer", "technical", null, NOW);
            dao.setComposition(id, "picked", null);
            dao.insertLab(id, 0, "linux-web-outage");
            return id;
        });
    }

    /**
     * Override rate, Cohen's kappa and the score histogram on four candidates, one attempt each (credits in CHECKS
     * order; points 2, 3, 1, 1; linux shares 0.6, 0.7, 1, 1; monitoring 0.4, 0.3, 0, 0; cuts .2 .45 .6 .85).
     * <pre>
     *        credits   lab score     linux (of 5.3)       monitoring (of 1.7)   interviewer
     *   A1   1 1 1 1   7/7 = 1.00    5.3/5.3 strong-yes   1.7/1.7 strong-yes    linux strong-yes, monitoring yes
     *   A2   1 1 0 1   6/7 = 0.86    4.3/5.3 yes (0.81)   1.7/1.7 strong-yes    linux yes
     *   A3   1 0 1 0   3/7 = 0.43    2.2/5.3 no (0.42)    0.8/1.7 mixed (0.47)  linux mixed, monitoring def.-not
     *   A4   0 0 0 0   0             0 definitely-not     0 definitely-not      linux definitely-not
     * </pre>
     * Histogram by tenths: A4 in [0, .1), A3 in [.4, .5), A2 in [.8, .9), A1 in [.9, 1]. A4's serves-shop is
     * overridden: rate 1/4 there, 0 elsewhere (the automated ratings ignore the override). Pairs (auto, person)
     * on the 0..4 scale: (4,4) (4,3) (3,3) (1,2) (2,0) (0,0): observed 3/6; marginals auto {4: 2, 3: 1, 2: 1, 1: 1,
     * 0: 1}, person {4: 1, 3: 2, 2: 1, 0: 2} of 6; chance = (2*1 + 1*2 + 1*1 + 1*2) / 36 = 7/36; kappa = (1/2 -
     * 7/36) / (29/36) = 11/29.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void overridesAgreementAndHistogram(Jdbi jdbi) {
        String tag = "k";
        long interviewer = jdbi.withExtension(
                UserDao.class, dao -> dao.insert("i" + tag + "@example.com", "Ines", "interviewer", "x", NOW));
        long[] a = new long[4];
        long[] sessions = new long[4];
        double[][] credits = {{1, 1, 1, 1}, {1, 1, 0, 1}, {1, 0, 1, 0}, {0, 0, 0, 0}};
        for (int i = 0; i < 4; i++) {
            a[i] = assessment(jdbi, "c" + i + "-" + tag + "@example.com");
            sessions[i] = attempt(jdbi, a[i], 1, "2", credits[i][0], credits[i][1], credits[i][2], credits[i][3]);
        }
        Scoring scoring = scoring(jdbi);
        scoring.append(
                a[3],
                GradeEvents.CHECK_OVERRIDDEN,
                interviewer,
                new GradeEvents.CheckOverride(
                        sessions[3], LAB, "serves-shop", 0.0, 1.0, "grader-misjudged", "served on 8080"));
        String[][] ratings = {
            {"strong-yes", "strong-yes", "yes"},
            {"yes", "yes", null},
            {"mixed", "mixed", "definitely-not"},
            {"no", "definitely-not", null}
        };
        for (int i = 0; i < 4; i++) {
            java.util.Map<String, String> skills = new java.util.LinkedHashMap<>();
            skills.put("linux", ratings[i][1]);
            if (ratings[i][2] != null) {
                skills.put("monitoring", ratings[i][2]);
            }
            scoring.append(a[i], GradeEvents.RATED, interviewer, new GradeEvents.Rating(ratings[i][0], skills, false));
        }

        LabStatistics.Report report = statistics(jdbi).of(LAB, "2").orElseThrow();

        assertThat(report.attempts()).isEqualTo(4);
        assertThat(report.scoreHistogram()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 1);
        assertThat(report.overrideRates().get("serves-shop")).isCloseTo(0.25, within(1e-9));
        assertThat(report.overrideRates().get("config-serves-80")).isCloseTo(0.0, within(1e-9));
        assertThat(report.kappaPairs()).isEqualTo(6);
        assertThat(report.kappa()).isCloseTo(11.0 / 29.0, within(1e-9));
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
        attempt(jdbi, assessment, 1, "3", 1.0, 1.0, 1.0, 1.0);
        attempt(jdbi, assessment, 2, "3", 1.0, 1.0, 0.0, 1.0);
        attempt(jdbi, assessment, 3, "3", 1.0, 0.0, 1.0, 0.0);
        attempt(jdbi, assessment, 4, "3", 0.0, 0.0, 0.0, 0.0);
        attempt(jdbi, assessment, 5, "3", 1.0, null, 1.0, 1.0); // one check not gradable: left out
        attempt(jdbi, assessment, 6, "0", 0.0, 1.0, 0.0, 1.0); // another version: not this report's

        LabStatistics.Report report = statistics(jdbi).of(LAB, null).orElseThrow();

        assertThat(report.version()).isEqualTo("3");
        assertThat(report.attempts()).isEqualTo(4);
        assertThat(report.leftOut()).isEqualTo(1);
        double[][] expected = {{1, 1, 1, 1}, {1, 1, 0, 1}, {1, 0, 1, 0}, {0, 0, 0, 0}};
        assertThat(report.checks()).isEqualTo(ItemStatistics.items(CHECKS, expected));
        assertThat(report.alphaBySkill()).containsOnlyKeys("linux", "monitoring");
        assertThat(statistics(jdbi).of(LAB, "0").orElseThrow().attempts()).isEqualTo(1);
        assertThat(statistics(jdbi).of("no-such-lab", null)).isEmpty();
    }

    /**
     * Twelve attempts drew {@code broken: root} and all passed; twelve drew {@code index} and all failed the gate
     * serves-shop. Fisher's exact p of [[12, 0], [0, 12]] is 2 / C(24, 12), far below 0.05 / 2: both values are
     * flagged. Every attempt drew its own port and most their own site: too few attempts each to test.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aVariantHarderThanTheRestIsFlagged(Jdbi jdbi) {
        long assessment = assessment(jdbi, "variants@example.com");
        String[] sites = {"shop", "store", "market", "outlet", "boutique", "emporium"};
        for (int i = 0; i < 24; i++) {
            boolean root = i % 2 == 0;
            String values = "{\"port\":\"" + (8100 + i) + "\",\"site\":\"" + sites[i % 6] + "\",\"broken\":\""
                    + (root ? "root" : "index") + "\"}";
            attempt(jdbi, assessment, i + 1, "9", values, 1.0, root ? 1.0 : 0.0, 1.0, 1.0);
        }

        VariantStatistics.Report variants =
                statistics(jdbi).of(LAB, "9").orElseThrow().variants();

        assertThat(variants.groups())
                .extracting(VariantStatistics.Group::parameter, VariantStatistics.Group::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broken", "index"),
                        org.assertj.core.groups.Tuple.tuple("broken", "root"));
        VariantStatistics.Group index = variants.groups().get(0);
        assertThat(index.n()).isEqualTo(12);
        assertThat(index.passRate()).isZero();
        assertThat(index.restPassRate()).isEqualTo(1.0);
        assertThat(index.p()).isCloseTo(2.0 / 2_704_156, within(1e-12));
        assertThat(index.flags()).singleElement().asString().contains("beyond chance");
        assertThat(variants.untested())
                .as("24 ports and 6 sites of 4 attempts each")
                .isEqualTo(30);
    }
}
