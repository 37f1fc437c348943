package dev.assay.service.cli;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.LoginRateLimiter;
import dev.assay.service.auth.PasswordHasher;
import dev.assay.service.auth.Tokens;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.SchemaState;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code user add EMAIL [--role admin|interviewer] [--name NAME] [--password-stdin] [config]} and
 * {@code user reset-password EMAIL [--password-stdin] [config]}. Without {@code --password-stdin} a random
 * password is generated and printed once.
 */
public class UserCommand extends ConfiguredCommand<AssayConfiguration> {

    public UserCommand() {
        super("user", "Manage staff accounts (interviewers and admins)");
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers actions = subparser.addSubparsers().dest("action").title("actions");
        Subparser add = actions.addParser("add").help("create a staff user");
        add.addArgument("email").help("the user's email address, used to sign in");
        add.addArgument("--role")
                .choices("admin", "interviewer")
                .setDefault("admin")
                .help("default: admin");
        add.addArgument("--name").help("display name (default: the part of the email before @)");
        addPasswordAndFile(add);
        Subparser reset = actions.addParser("reset-password").help("set a new password and end the user's sessions");
        reset.addArgument("email");
        addPasswordAndFile(reset);
    }

    private static void addPasswordAndFile(Subparser parser) {
        parser.addArgument("--password-stdin")
                .action(Arguments.storeTrue())
                .help("read the password from the first line of standard input instead of generating one");
        parser.addArgument("file").nargs("?").help("application configuration file");
    }

    @Override
    protected void run(Bootstrap<AssayConfiguration> bootstrap, Namespace namespace, AssayConfiguration config)
            throws Exception {
        boolean add = "add".equals(namespace.getString("action"));
        AccountChange change = new AccountChange(
                namespace.getString("action"),
                namespace.getString("email"),
                add ? namespace.getString("role") : null,
                add ? namespace.getString("name") : null,
                Boolean.TRUE.equals(namespace.getBoolean("password_stdin")) ? readPassword() : null);
        List<String> lines;
        try {
            Jdbi jdbi = Persistence.configure(CommandErrors.database(config));
            jdbi.installPlugin(new SqlObjectPlugin());
            SchemaState.requireCurrent(jdbi);
            lines = change.applyTo(new AccountService(
                    jdbi,
                    new PasswordHasher(),
                    new LoginRateLimiter(1, Duration.ofMinutes(1), Clock.systemUTC()),
                    Duration.ofHours(1),
                    Clock.systemUTC()));
        } catch (ConnectionException e) {
            if (!RunningService.holdsEmbeddedDatabase(e)) {
                throw e;
            }
            lines = RunningService.of(config).changeAccount(change);
        }
        lines.forEach(System.out::println);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        CommandErrors.report(cli, "user", error);
    }

    public static String generatedPassword() {
        return Tokens.newToken().substring(0, 24);
    }

    private static String readPassword() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new InvalidInputException("--password-stdin: standard input held no password");
        }
        return line;
    }
}
