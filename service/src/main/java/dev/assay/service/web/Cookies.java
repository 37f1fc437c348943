package dev.assay.service.web;

import dev.assay.service.config.AuthSettings.SecureCookies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The browser cookies Assay sets. All are HttpOnly and SameSite=Lax, and Secure when the request came over
 * HTTPS (or always/never, per {@code auth.secureCookies}). Secure cookies carry the {@code __Host-} prefix,
 * so no sibling subdomain (a lab's web page, say) can plant or overwrite them; over HTTPS only prefixed
 * cookies are read.
 */
public final class Cookies {
    /** A staff login session. */
    public static final String STAFF_SESSION = "assay_session";
    /** A candidate session, opened by accepting an invitation. */
    public static final String CANDIDATE_SESSION = "assay_candidate";
    /** A random browser secret set before login; CSRF tokens on login and invitation forms derive from it. */
    public static final String PRE_SESSION = "assay_pre";

    private final SecureCookies mode;

    public Cookies(SecureCookies mode) {
        this.mode = mode;
    }

    /** The name a cookie has on the wire for a request of this kind. */
    public String wireName(String name, boolean requestIsHttps) {
        return secure(requestIsHttps) ? "__Host-" + name : name;
    }

    /** The value of one of our cookies on this request, if the browser sent it (under its wire name). */
    public @Nullable String read(ContainerRequestContext request, String name) {
        Cookie cookie = request.getCookies().get(wireName(name, BrowserSessionFilter.isHttps(request)));
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    public NewCookie set(String name, String value, Duration maxAge, boolean requestIsHttps) {
        return new NewCookie.Builder(wireName(name, requestIsHttps))
                .value(value)
                .path("/")
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure(secure(requestIsHttps))
                .build();
    }

    public NewCookie clear(String name, boolean requestIsHttps) {
        return new NewCookie.Builder(wireName(name, requestIsHttps))
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure(secure(requestIsHttps))
                .build();
    }

    private boolean secure(boolean requestIsHttps) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> requestIsHttps;
        };
    }
}
