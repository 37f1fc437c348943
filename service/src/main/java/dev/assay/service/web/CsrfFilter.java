package dev.assay.service.web;

import dev.assay.service.auth.Tokens;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;
import org.jspecify.annotations.Nullable;

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) that does not carry this browser's CSRF
 * token, in the {@code X-CSRF-Token} header or the {@code csrf} form field. The token derives from a secret
 * cookie (see {@link BrowserSessionFilter}), which another site can neither read nor predict.
 */
@Priority(Priorities.AUTHENTICATION + 10)
public final class CsrfFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String expected = BrowserSessionFilter.csrfToken(request);
        String presented = presented(request);
        if (presented == null || !Tokens.same(expected, presented)) {
            throw new ForbiddenException(
                    "missing or wrong CSRF token: send the token from the page (form field 'csrf') or from"
                            + " GET /api/v1/csrf (header " + HEADER + ") with the cookies it set");
        }
    }

    private static @Nullable String presented(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        if (request instanceof ContainerRequest jersey
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            try {
                jersey.bufferEntity();
                Form form = jersey.readEntity(Form.class);
                return form.asMap().getFirst(FORM_FIELD);
            } catch (RuntimeException unreadable) {
                return null; // a body we cannot read (unknown charset, broken encoding) carries no token
            }
        }
        return null;
    }
}
