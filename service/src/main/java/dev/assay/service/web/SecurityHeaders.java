package dev.assay.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers every response of ours carries. Pages get a Content-Security-Policy that allows only our own scripts
 * (there are no inline ones) and connections to our own origin (the terminal's WebSocket included), and may not
 * be framed: output a candidate or a lab wrote can be shown, never run. No page sends a {@code Referer}: an
 * invitation page's own stylesheet and script requests would otherwise carry its token to the request log (and
 * a link out would carry it elsewhere). Nothing this application answers is stored by a browser or a proxy
 * ({@code no-store}): pages and API answers hold tokens, links and candidates' work; the static assets are served
 * outside this filter and stay cacheable.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    /** Inline styles stay allowed: xterm.js sizes its rows with them. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        headers.putSingle("X-Frame-Options", "DENY");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle("Content-Security-Policy", PAGE_POLICY);
        }
    }
}
