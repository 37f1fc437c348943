package dev.assay.service.cli;

import dev.assay.service.AssayConfiguration;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.LoginRateLimiter;
import dev.assay.service.auth.PasswordHasher;
import dev.assay.service.auth.Tokens;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.Persistence;
import dev.assay.service.db.User;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
        ManagedDataSource dataSource = config.getDatabase().build(bootstrap.getMetricRegistry(), "cli");
        try {
            Jdbi jdbi = Persistence.configure(Jdbi.create(dataSource));
            jdbi.installPlugin(new SqlObjectPlugin());
            AccountService accounts = new AccountService(
                    jdbi,
                    new PasswordHasher(),
                    new LoginRateLimiter(1, Duration.ofMinutes(1), Clock.systemUTC()),
                    Duration.ofHours(1),
                    Clock.systemUTC());
            execute(accounts, namespace);
        } catch (InvalidInputException e) {
            System.err.println("user: " + e.getMessage());
            throw e;
        } catch (UnableToExecuteStatementException e) {
            System.err.println(
                    "user: the database is not ready (" + e.getShortMessage() + "). Run './assay db migrate' first.");
            throw e;
        } finally {
            dataSource.stop();
        }
    }

    private static void execute(AccountService accounts, Namespace namespace) throws IOException {
        String email = namespace.getString("email");
        boolean fromStdin = Boolean.TRUE.equals(namespace.getBoolean("password_stdin"));
        String password = fromStdin ? readPassword() : generatedPassword();
        if ("add".equals(namespace.getString("action"))) {
            String name = namespace.getString("name");
            Role role = Role.of(namespace.getString("role"));
            User user = accounts.createUser(email, name != null ? name : email.split("@", 2)[0], role, password);
            System.out.println("Created " + user.role().wire() + " " + user.email() + ".");
        } else {
            accounts.resetPassword(email, password);
            System.out.println("Password reset for " + email + "; their sessions were ended.");
        }
        if (!fromStdin) {
            System.out.println("Password (shown only now): " + password);
        }
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
