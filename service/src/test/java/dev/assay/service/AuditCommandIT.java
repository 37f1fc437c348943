package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.GradeEventDao;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.TestDatabases;
import dev.assay.service.scoring.AuditKey;
import dev.assay.service.scoring.GradeLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./assay audit verify}, as the packaged jar runs it, on a database whose grade events someone edited. */
@DisplayName("audit verify finds a grade event changed or removed directly in the database")
class AuditCommandIT {
    private final Path jar =
            Path.of(System.getProperty("assay.jar", "target/assay-service.jar")).toAbsolutePath();

    private record Run(int exit, String output) {}

    private Run audit(String url, Path key) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "audit",
                "verify",
                TestApp.configPath()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ASSAY_DB_URL", url);
        builder.environment().put("ASSAY_AUDIT_KEY_FILE", key.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void aChangedOrRemovedEventBreaksItsAssessmentsChain(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("assay") + ";WRITE_DELAY=0";
        TestDatabases.migrate(url, "assay", "assay");
        Jdbi jdbi = Persistence.configure(Jdbi.create(url, "assay", "assay"));
        jdbi.installPlugin(new SqlObjectPlugin());
        Path key = dir.resolve("audit.key");
        GradeLog log = new GradeLog(jdbi, Clock.systemUTC(), AuditKey.load(key, true));
        long[] assessments = new long[2];
        for (int a = 0; a < 2; a++) {
            int n = a;
            assessments[a] = jdbi.withExtension(
                    AssessmentDao.class,
                    dao -> dao.insertAssessment(
                            dao.insertCandidate("c" + n + "@example.com", "C" + n, null, Instant.now()),
                            "devops-engineer",
                            "technical",
                            null,
                            Instant.now()));
            for (int e = 1; e <= 3; e++) {
                log.append(assessments[a], "scored", null, "{\"score\":0." + e + "}");
            }
        }

        Run clean = audit(url, key);
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("2 assessment(s), 6 grade event(s): every chain holds");

        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE grade_events SET payload = '{\"score\":0.9}' WHERE assessment_id = :a AND seq = 2")
                .bind("a", assessments[0])
                .execute());
        Run changed = audit(url, key);
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.output())
                .contains("assessment " + assessments[0] + ": BROKEN at event 2 of 3")
                .contains("1 chain(s) broken")
                .doesNotContain("assessment " + assessments[1] + ": BROKEN");

        jdbi.useHandle(h -> h.createUpdate("DELETE FROM grade_events WHERE assessment_id = :a AND seq = 2")
                .bind("a", assessments[1])
                .execute());
        Run removed = audit(url, key);
        assertThat(removed.exit()).isEqualTo(1);
        assertThat(removed.output()).contains("assessment " + assessments[1] + ": BROKEN at event 3 of 2");

        // Someone with the database but not the key rewrites a whole chain with hashes they can compute: the
        // unkeyed SHA-256 of the same canonical text. Still broken: the key is not in the database.
        forgeWithoutKey(jdbi, assessments[0]);
        assertThat(audit(url, key).output()).contains("assessment " + assessments[0] + ": BROKEN at event 1 of 3");

        Run keyless = audit(url, dir.resolve("no-such.key"));
        assertThat(keyless.exit()).isEqualTo(1);
        assertThat(keyless.output()).contains("the audit key", "is missing");
    }

    /** Re-hashes a whole chain the way someone without the key could: plain SHA-256 of the canonical text. */
    private static void forgeWithoutKey(Jdbi jdbi, long assessment) throws Exception {
        List<GradeEventDao.Event> chain = jdbi.withExtension(GradeEventDao.class, dao -> dao.all(assessment));
        String prev = null;
        for (GradeEventDao.Event event : chain) {
            String forged = sha256((prev == null ? "" : prev) + "\n" + event.assessmentId() + "\n" + event.seq() + "\n"
                    + event.eventType() + "\n" + event.payload());
            String previous = prev;
            jdbi.useHandle(h -> h.createUpdate("UPDATE grade_events SET prev_hash = :p, hash = :h"
                            + " WHERE assessment_id = :a AND seq = :s")
                    .bind("p", previous)
                    .bind("h", forged)
                    .bind("a", event.assessmentId())
                    .bind("s", event.seq())
                    .execute());
            prev = forged;
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
