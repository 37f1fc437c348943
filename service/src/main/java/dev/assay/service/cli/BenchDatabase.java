package dev.assay.service.cli;

import dev.assay.service.db.AssessmentDao;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.Schema;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.tomcat.jdbc.pool.DataSource;
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

    /**
     * The run's database behind a connection pool, as the service has it. Without one, every statement would open
     * the H2 file anew (an embedded database closes with its last connection): tens of milliseconds that the
     * service never pays. Close it before another process opens the same file.
     */
    static Pooled pooled(Path folder) {
        String url = url(folder);
        Schema.migrate(url, "sa", "");
        DataSource source = new DataSource();
        source.setDriverClassName("org.h2.Driver");
        source.setUrl(url);
        source.setUsername("sa");
        source.setPassword("");
        source.setMinIdle(1);
        source.setInitialSize(1);
        Jdbi jdbi = Jdbi.create(source);
        jdbi.installPlugin(new SqlObjectPlugin());
        return new Pooled(Persistence.configure(jdbi), source);
    }

    /** A pooled database, closed (and so the H2 file released) at the end of the part that uses it. */
    record Pooled(Jdbi jdbi, DataSource source) implements AutoCloseable {
        @Override
        public void close() {
            source.close(true);
        }
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
