package dev.assay.service.db;

import dev.assay.service.core.Role;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** What every Jdbi instance of Assay needs, in the service and in tests alike. */
public final class Persistence {
    /** Records read from result sets by their canonical constructor (snake_case columns match camelCase). */
    private static final List<Class<?>> ROWS = List.of(
            User.class,
            Invitation.class,
            LabSessionEvent.class,
            StoredHandle.class,
            StoredCheckResult.class,
            GradeEventDao.Event.class,
            RecordingDao.Header.class,
            RubricDao.Stored.class,
            WebhookDao.Delivery.class,
            AssignmentDao.Assignee.class,
            StaffListDao.Plan.class);

    private Persistence() {}

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.setTemplateEngine(new NamedStatements());
        jdbi.registerColumnMapper(Role.class, (rs, column, ctx) -> Role.of(rs.getString(column)));
        jdbi.registerColumnMapper(SessionState.class, (rs, column, ctx) -> {
            String wire = rs.getString(column);
            return wire == null ? null : SessionState.of(wire);
        });
        jdbi.registerArgument(new SessionStateArgument());
        jdbi.registerRowMapper(AssessmentSummary.class, Rows.ASSESSMENT_SUMMARY);
        jdbi.registerRowMapper(LabSession.class, Rows.LAB_SESSION);
        for (Class<?> row : ROWS) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        return jdbi;
    }
}
