package dev.assay.service.cli;

import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.Schema;
import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The bench's own database: an H2 file that syncs every commit, like the service's default set-up. */
final class BenchDatabase {
    private BenchDatabase() {}

    static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("assay") + ";WRITE_DELAY=0";
    }

    /** Migrated to the current schema, with the service's JDBI set-up. */
    static Jdbi open(String url, String user, String password) {
        Schema.migrate(url, user, password);
        Jdbi jdbi = Jdbi.create(url, user, password);
        jdbi.installPlugin(new SqlObjectPlugin());
        return Persistence.configure(jdbi);
    }

    static Jdbi open(Path folder) {
        return open(url(folder), "sa", "");
    }

    /** A candidate and an assessment of {@code role}'s {@code stage} for the bench's lab sessions to belong to. */
    static long assessment(Jdbi jdbi, String role, String stage) {
        return jdbi.withExtension(
                AssessmentDao.class,
                dao -> dao.insertAssessment(
                        dao.insertCandidate("bench@localhost", "Bench", null, Instant.now()),
                        role,
                        stage,
                        null,
                        Instant.now()));
    }
}
