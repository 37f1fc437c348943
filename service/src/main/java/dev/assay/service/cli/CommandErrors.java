package dev.assay.service.cli;

import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.SchemaState;
import io.dropwizard.core.cli.Cli;

/**
 * How the service's commands end on an error: what went wrong and what to do, in one line, for the errors a user
 * can fix (bad input, a database not migrated, a broken grade log); a stack trace only for the unexpected.
 */
public final class CommandErrors {
    private CommandErrors() {}

    public static void report(Cli cli, String command, Throwable error) {
        if (error instanceof InvalidInputException
                || error instanceof SchemaState.NotMigrated
                || error instanceof AuditCommand.ChainBroken) {
            cli.getStdErr().println(command + ": " + error.getMessage());
        } else if (RunningService.holdsEmbeddedDatabase(error)) {
            cli.getStdErr()
                    .println(command + ": another process (a running Assay?) holds the embedded database;"
                            + " stop it first, or run Assay on PostgreSQL, which many processes can share");
        } else {
            error.printStackTrace(cli.getStdErr());
        }
    }

    /**
     * The configured database for a one-off command: plain connections, no pool, so a database another process
     * holds fails on first use with its own error (and no pool logs a stack trace first).
     */
    public static org.jdbi.v3.core.Jdbi database(dev.assay.service.AssayConfiguration config) {
        var factory = config.getDatabase();
        return org.jdbi.v3.core.Jdbi.create(factory.getUrl(), factory.getUser(), factory.getPassword());
    }
}
