package dev.assay.service.db;

import java.sql.SQLException;

/** What both databases say the same way. */
public final class Sql {
    private Sql() {}

    /** Whether the failure is a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL alike). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
