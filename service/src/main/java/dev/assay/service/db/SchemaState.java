package dev.assay.service.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Whether a database holds Assay's whole schema, read without changing anything: the migration files the
 * changelog includes against those the database's Liquibase history records. The service and the commands that
 * use the database check it first, so an empty or older database gets what to run instead of a missing table.
 */
public final class SchemaState {
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

    private SchemaState() {}

    /** The database lacks Assay's schema, or some of its migrations: what is wrong and what to run. */
    public static final class NotMigrated extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotMigrated(String message) {
            super(message);
        }
    }

    /** Throws {@link NotMigrated} unless every migration file of this build has run on the database. */
    public static void requireCurrent(Jdbi jdbi) {
        int expected = migrationFiles();
        int applied = applied(jdbi);
        if (applied >= expected) {
            return;
        }
        String state = applied == 0
                ? "the database has no Assay schema yet (it is empty or not Assay's)"
                : "the database has " + applied + " of this version's " + expected + " schema migrations";
        throw new NotMigrated(state + ": run './assay db migrate' first ('./assay start' migrates by itself)");
    }

    static int migrationFiles() {
        try (InputStream in = SchemaState.class.getClassLoader().getResourceAsStream("migrations.xml")) {
            if (in == null) {
                throw new IllegalStateException("migrations.xml is missing from the service's class path");
            }
            Matcher files = INCLUDE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            int count = 0;
            while (files.find()) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("reading migrations.xml", e);
        }
    }

    /** Connection failures propagate (the database is unreachable or held); a missing history table is 0. */
    private static int applied(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            try {
                return handle.createQuery("SELECT COUNT(DISTINCT filename) FROM databasechangelog")
                        .mapTo(Integer.class)
                        .one();
            } catch (StatementException e) {
                return 0; // no Liquibase history table: nothing was ever migrated here
            }
        });
    }
}
