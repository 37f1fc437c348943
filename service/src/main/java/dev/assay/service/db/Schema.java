package dev.assay.service.db;

import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database to the current schema (migrations.xml) outside the service: benchmarks and tests. */
public final class Schema {
    private Schema() {}

    @SuppressWarnings("deprecation") // Liquibase's facade is deprecated for its command API, which needs far more code
    public static void migrate(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
            }
        } catch (Exception e) {
            throw new IllegalStateException("migrating " + url + " failed: " + e.getMessage(), e);
        }
    }
}
