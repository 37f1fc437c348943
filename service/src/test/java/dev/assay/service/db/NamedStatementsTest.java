package dev.assay.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

class NamedStatementsTest {
    interface Probe {
        @SqlQuery("SELECT COUNT(*) FROM lab_sessions WHERE state IN (<states>)")
        int count(@BindList("states") List<String> states);
    }

    @Test
    void daoStatementsAreNamedAndTheirAttributesRendered() {
        Jdbi jdbi = TestDatabases.h2();
        List<String> rendered = new ArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                rendered.add(context.getRenderedSql());
            }
        });

        for (int i = 0; i < 2; i++) { // the second time from Jdbi's cache of parsed templates
            int count = jdbi.withExtension(Probe.class, probe -> probe.count(List.of("active", "grading")));
            assertThat(count).isZero();
        }
        Integer one = jdbi.withHandle(
                handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        assertThat(one).isEqualTo(1);

        assertThat(rendered).hasSize(3);
        assertThat(rendered.subList(0, 2))
                .allSatisfy(sql -> assertThat(sql)
                        .startsWith("/* Probe.count */ SELECT COUNT(*) FROM lab_sessions WHERE state IN (")
                        .doesNotContain("<states>"));
        assertThat(rendered.get(2)).isEqualTo("SELECT 1");
    }
}
