package dev.assay.service.cli;

import dev.assay.service.auth.AccountService;
import dev.assay.service.core.InvalidInputException;
import dev.assay.service.core.Role;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import dev.assay.service.scopes.Assignments;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: once the server is up, gives the demo admin and the demo interviewer fresh passwords, invites a demo
 * candidate with the interviewer assigned to it, and prints where to go. The passwords are printed once and replaced
 * at every demo start.
 */
public final class DemoSetup {
    public static final String ADMIN_EMAIL = "admin@assay.local";
    public static final String INTERVIEWER_EMAIL = "interviewer@assay.local";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    private final AccountService accounts;
    private final InvitationService invitations;
    private final Assignments assignments;

    public DemoSetup(AccountService accounts, InvitationService invitations, Assignments assignments) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.assignments = assignments;
    }

    public void registerOn(Environment environment) {
        environment.lifecycle().addServerLifecycleListener(this::serverStarted);
    }

    /** The admin connector as it listens (its port may be configured, or 0 for any free one). */
    static String adminUrl(Server server) {
        for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.ServerConnector listening
                    && "admin".equals(connector.getName())) {
                String host = listening.getHost();
                boolean any = host == null || host.isEmpty() || "0.0.0.0".equals(host);
                return "http://" + (any ? "127.0.0.1" : host) + ":" + listening.getLocalPort() + "/";
            }
        }
        return "(no admin connector) ";
    }

    private void serverStarted(Server server) {
        String password = freshPassword(ADMIN_EMAIL, "Demo admin", Role.ADMIN);
        String interviewerPassword = freshPassword(INTERVIEWER_EMAIL, "Demo interviewer", Role.INTERVIEWER);
        User interviewer = accounts.findUser(INTERVIEWER_EMAIL).orElseThrow();
        String candidateLine;
        try {
            InvitationService.Created invite =
                    invitations.invite("candidate@assay.local", "Demo Candidate", "devops-engineer", "technical", null);
            assignments.assign(invite.assessmentId(), interviewer, null);
            candidateLine = invite.link() + "   (works once)";
        } catch (InvalidInputException e) {
            candidateLine = "none: " + e.getMessage();
        }
        URI login = invitations.linkFor("x").resolve("/login");
        String banner = String.join(
                System.lineSeparator(),
                "",
                "==================== Assay demo ====================",
                "Staff sign-in:  " + login,
                "  email:        " + ADMIN_EMAIL,
                "  password:     " + password + "   (one-time: replaced at every demo start)",
                "  interviewer:  " + INTERVIEWER_EMAIL + " / " + interviewerPassword
                        + "   (sees the demo candidate only)",
                "Candidate link: " + candidateLine,
                "Health:         " + adminUrl(server) + "healthcheck",
                "====================================================",
                "");
        System.out.println(banner);
        LOG.info("demo mode: admin {}, interviewer {} and one invitation created", ADMIN_EMAIL, INTERVIEWER_EMAIL);
    }

    /** A new password for the demo account, created when missing; printed once by the caller. */
    private String freshPassword(String email, String name, Role role) {
        String password = UserCommand.generatedPassword();
        if (accounts.findUser(email).isPresent()) {
            accounts.resetPassword(email, password);
        } else {
            accounts.createUser(email, name, role, password);
        }
        return password;
    }
}
