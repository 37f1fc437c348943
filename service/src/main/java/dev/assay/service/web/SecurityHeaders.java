package dev.assay.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Headers every response of ours carries. Pages get a Content-Security-Policy that allows only our own scripts
 * (there are no inline ones) and connections to our own origin (the terminal's WebSocket included), and may not
 * be framed: output a candidate or a lab wrote can be shown, never run.
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
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("X-Frame-Options", "DENY");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            headers.putSingle("Content-Security-Policy", PAGE_POLICY);
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
