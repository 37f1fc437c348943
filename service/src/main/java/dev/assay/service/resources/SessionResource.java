package dev.assay.service.resources;

import com.codahale.metrics.annotation.Timed;
import dev.assay.service.auth.AccountService;
import dev.assay.service.auth.AccountService.LoginOutcome;
import dev.assay.service.core.Role;
import dev.assay.service.views.LoginView;
import dev.assay.service.web.BrowserSessionFilter;
import dev.assay.service.web.Cookies;
import dev.assay.service.web.Public;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Staff sign-in and sign-out, as HTML forms and as JSON for automation. */
@Path("/")
public class SessionResource {

    /** The JSON login body. */
    public record Credentials(String email, String password) {}

    private final AccountService accounts;
    private final Cookies cookies;

    public SessionResource(AccountService accounts, Cookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @GET
    @Path("login")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public LoginView loginPage(@Context ContainerRequestContext request, @QueryParam("next") String next) {
        return new LoginView(BrowserSessionFilter.csrfToken(request), null, safeNext(next), "");
    }

    @POST
    @Path("login")
    @Public
    @Timed(name = "login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response loginForm(
            @Context ContainerRequestContext request,
            @Context HttpServletRequest servlet,
            @FormParam("email") @DefaultValue("") String email,
            @FormParam("password") @DefaultValue("") String password,
            @FormParam("next") String next) {
        LoginOutcome outcome = accounts.login(email, password, servlet.getRemoteAddr());
        String csrf = BrowserSessionFilter.csrfToken(request);
        if (outcome instanceof LoginOutcome.Success success) {
            return Response.seeOther(URI.create(safeNext(next)))
                    .cookie(sessionCookie(success, request), cookies.clear(Cookies.PRE_SESSION, https(request)))
                    .build();
        }
        if (outcome instanceof LoginOutcome.Limited limited) {
            return Response.status(429)
                    .header("Retry-After", seconds(limited.retryAfter()))
                    .entity(new LoginView(csrf, tooMany(limited.retryAfter()), safeNext(next), email))
                    .build();
        }
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(new LoginView(csrf, "Email or password is incorrect.", safeNext(next), email))
                .build();
    }

    @POST
    @Path("logout")
    @Public
    @Produces(MediaType.TEXT_HTML)
    public Response logoutForm(@Context ContainerRequestContext request) {
        endSession(request);
        return Response.seeOther(URI.create("/login"))
                .cookie(cookies.clear(Cookies.STAFF_SESSION, https(request)))
                .build();
    }

    /** The CSRF token for this browser; API clients send it back in {@code X-CSRF-Token}. */
    @GET
    @Path("api/v1/csrf")
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> csrf(@Context ContainerRequestContext request) {
        return Map.of("token", BrowserSessionFilter.csrfToken(request));
    }

    @POST
    @Path("api/v1/session")
    @Public
    @Timed(name = "login-api")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(
            @Context ContainerRequestContext request, @Context HttpServletRequest servlet, Credentials credentials) {
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "send {\"email\": ..., \"password\": ...}");
        }
        LoginOutcome outcome = accounts.login(credentials.email(), credentials.password(), servlet.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Success success) {
            return Response.ok(Map.of(
                            "email", success.user().email(),
                            "role", success.user().role().wire(),
                            "csrfToken", dev.assay.service.auth.Tokens.csrfFor(success.sessionToken()),
                            "expiresAt", success.expiresAt().toString()))
                    .cookie(sessionCookie(success, request), cookies.clear(Cookies.PRE_SESSION, https(request)))
                    .build();
        }
        if (outcome instanceof LoginOutcome.Limited limited) {
            Response limitedResponse =
                    ErrorBody.response(Response.Status.TOO_MANY_REQUESTS, tooMany(limited.retryAfter()));
            return Response.fromResponse(limitedResponse)
                    .header("Retry-After", seconds(limited.retryAfter()))
                    .build();
        }
        return ErrorBody.response(Response.Status.UNAUTHORIZED, "email or password is incorrect");
    }

    @DELETE
    @Path("api/v1/session")
    @RolesAllowed({Role.STAFF_ADMIN, Role.STAFF_INTERVIEWER})
    public Response logout(@Context ContainerRequestContext request) {
        endSession(request);
        return Response.noContent()
                .cookie(cookies.clear(Cookies.STAFF_SESSION, https(request)))
                .build();
    }

    private void endSession(ContainerRequestContext request) {
        String token = cookies.read(request, Cookies.STAFF_SESSION);
        if (token != null) {
            accounts.logout(token);
        }
    }

    private jakarta.ws.rs.core.NewCookie sessionCookie(LoginOutcome.Success success, ContainerRequestContext request) {
        Duration ttl = Duration.between(Instant.now(), success.expiresAt());
        return cookies.set(Cookies.STAFF_SESSION, success.sessionToken(), ttl, https(request));
    }

    private static boolean https(ContainerRequestContext request) {
        return BrowserSessionFilter.isHttps(request);
    }

    /** Only local paths: a login link must not send the user to another site. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/admin";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/admin";
        } catch (URISyntaxException e) {
            return "/admin";
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    private static String tooMany(Duration retryAfter) {
        return "Too many failed sign-ins. Try again in " + seconds(retryAfter) + " seconds.";
    }
}
