package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SQL names no lab session state as a literal: statements bind {@link SessionState} values, so a state has one
 * spelling, the enum's.
 */
class SqlStateLiteralsTest {

    @Test
    @DisplayName("No DAO statement spells a session state")
    void daoStatements() {
        List<String> found = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.assay.service")) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                for (String sql : statementsOf(method)) {
                    literalsIn(sql)
                            .forEach(literal -> found.add(
                                    type.getSimpleName() + "." + method.getName() + ": " + literal + " in " + sql));
                }
            }
        }
        assertThat(found)
                .as("bind the state (@Bind with a SessionState, or @BindList of them) instead")
                .isEmpty();
    }

    @Test
    @DisplayName("No SQL written in the service's source spells a session state")
    void sources() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String literal : literalsIn(lines.get(i))) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + literal);
                    }
                }
            }
        }
        assertThat(found)
                .as("bind the state (.bind(name, SessionState.X)) instead of writing it in the SQL")
                .isEmpty();
    }

    @Test
    @DisplayName("The scan finds a state written in SQL")
    void theScanSeesLiterals() {
        assertThat(literalsIn("SELECT id FROM lab_sessions WHERE state IN ('provisioning', 'active')"))
                .containsExactly("'provisioning'", "'active'");
        assertThat(literalsIn("SELECT id FROM lab_sessions WHERE state = :active"))
                .isEmpty();
    }

    private static List<String> statementsOf(Method method) {
        List<String> sql = new ArrayList<>();
        SqlQuery query = method.getAnnotation(SqlQuery.class);
        if (query != null) {
            sql.add(query.value());
        }
        SqlUpdate update = method.getAnnotation(SqlUpdate.class);
        if (update != null) {
            sql.add(update.value());
        }
        SqlBatch batch = method.getAnnotation(SqlBatch.class);
        if (batch != null) {
            sql.add(batch.value());
        }
        return sql;
    }

    private static List<String> literalsIn(String sql) {
        List<String> found = new ArrayList<>();
        for (SessionState state : SessionState.values()) {
            String literal = "'" + state.wire() + "'";
            if (sql.contains(literal)) {
                found.add(literal);
            }
        }
        return found;
    }
}
