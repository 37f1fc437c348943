package dev.assay.service.web;

import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.Actor;
import dev.assay.service.auth.Tokens;
import dev.assay.service.db.User;
import dev.assay.service.invitations.InvitationService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Duration;

/**
 * Resolves the caller from its cookies on every request and fixes the browser secret its CSRF token derives
 * from: the staff session if valid, else the candidate session if valid, else the pre-session cookie, which
 * is minted (and set on the response) when the browser has none and the request needs a token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BrowserSessionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String CSRF_PROPERTY = "assay.csrf";
    private static final String SECRET_PROPERTY = "assay.browser-secret";
    private static final String NEW_PRE_PROPERTY = "assay.new-pre";
    private static final Duration PRE_SESSION_TTL = Duration.ofDays(1);

    private final AccountService accounts;
    private final InvitationService invitations;
    private final Cookies cookies;

    public BrowserSessionFilter(AccountService accounts, InvitationService invitations, Cookies cookies) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.cookies = cookies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String staffToken = cookies.read(request, Cookies.STAFF_SESSION);
        String candidateToken = cookies.read(request, Cookies.CANDIDATE_SESSION);
        User user =
                staffToken == null ? null : accounts.userForSession(staffToken).orElse(null);
        Long assessment = candidateToken == null
                ? null
                : invitations.assessmentForSession(candidateToken).orElse(null);

        String secret = user != null
                ? staffToken
                : assessment != null ? candidateToken : cookies.read(request, Cookies.PRE_SESSION);
        if (secret != null) {
            request.setProperty(SECRET_PROPERTY, secret);
        }
        request.setSecurityContext(new ActorContext(new Actor(user, assessment), request.getSecurityContext()));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object pre = request.getProperty(NEW_PRE_PROPERTY);
        if (pre instanceof String value && !response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            response.getHeaders()
                    .add(
                            HttpHeaders.SET_COOKIE,
                            cookies.set(Cookies.PRE_SESSION, value, PRE_SESSION_TTL, isHttps(request)));
        }
    }

    public static boolean isHttps(ContainerRequestContext request) {
        return "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
    }

    /**
     * The CSRF token that forms and API clients must send back with this browser's state-changing requests. A
     * browser without a secret yet gets a pre-session one here, set as a cookie on this response; requests that
     * never ask (health checks, JSON reads) mint nothing.
     */
    public static String csrfToken(ContainerRequestContext request) {
        if (request.getProperty(CSRF_PROPERTY) instanceof String token) {
            return token;
        }
        String secret;
        if (request.getProperty(SECRET_PROPERTY) instanceof String known) {
            secret = known;
        } else {
            secret = Tokens.newToken();
            request.setProperty(NEW_PRE_PROPERTY, secret);
        }
        String token = Tokens.csrfFor(secret);
        request.setProperty(CSRF_PROPERTY, token);
        return token;
    }

    private record ActorContext(Actor actor, SecurityContext original) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "cookie";
        }
    }
}
