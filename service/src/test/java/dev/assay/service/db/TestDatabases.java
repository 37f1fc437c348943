package dev.assay.service.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Named;

/**
 * The two databases Assay runs on, each freshly migrated for one test: H2 in memory and PostgreSQL from
 * Debian (a new schema per test in the database that {@code ./assay test} creates). PostgreSQL is never
 * optional: when it is unreachable the test fails and says how to start it.
 */
public final class TestDatabases {
    public static final String PG_URL = env("ASSAY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/assay_test");
    public static final String PG_USER = env("ASSAY_TEST_PG_USER", "assay");
    public static final String PG_PASSWORD = env("ASSAY_TEST_PG_PASSWORD", "assay");

    private TestDatabases() {}

    /** Both databases, for {@code @MethodSource}. */
    public static Stream<Named<Jdbi>> both() {
        return Stream.of(Named.of("H2", h2()), Named.of("PostgreSQL", postgres()));
    }

    public static Jdbi h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrate(url, "sa", "");
        return prepare(Jdbi.create(url, "sa", ""));
    }

    public static Jdbi postgres() {
        return prepare(Jdbi.create(postgresUrl(), PG_USER, PG_PASSWORD));
    }

    /** The JDBC URL of a new, migrated schema in the test database (for a service process of its own). */
    public static String postgresUrl() {
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " ("
                            + e.getMessage() + "). Run the tests with './assay test', which installs and starts it,"
                            + " or point ASSAY_TEST_PG_URL/ASSAY_TEST_PG_USER/ASSAY_TEST_PG_PASSWORD at one.",
                    e);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        migrate(url, PG_USER, PG_PASSWORD);
        return url;
    }

    private static Jdbi prepare(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        return Persistence.configure(jdbi);
    }

    public static void migrate(String url, String user, String password) {
        Schema.migrate(url, user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
