package dev.assay.service.web;

import dev.assay.service.auth.Actor;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each route's access rule: {@link Public}, {@link RolesAllowed} or {@link DenyAll}, on the method
 * or else on its class. A route without a rule is denied to everyone (and logged), never left open.
 */
public final class AccessControlFeature implements DynamicFeature {
    public static final String OWN_PACKAGE = "dev.assay.";
    private static final Logger LOG = LoggerFactory.getLogger(AccessControlFeature.class);

    /** Who may call a route: anyone, staff or candidates holding one of the roles, or nobody. */
    public record AccessRule(boolean open, List<String> roles) {
        static final AccessRule PUBLIC = new AccessRule(true, List.of());
        static final AccessRule NOBODY = new AccessRule(false, List.of());
    }

    /** The rule that applies to a resource method (its own, else its class's), if it has one. */
    public static Optional<AccessRule> rule(Method method, Class<?> resourceClass) {
        Optional<AccessRule> own = ruleOn(method);
        return own.isPresent() ? own : ruleOn(resourceClass);
    }

    private static Optional<AccessRule> ruleOn(AnnotatedElement element) {
        if (element.isAnnotationPresent(Public.class)) {
            return Optional.of(AccessRule.PUBLIC);
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(AccessRule.NOBODY);
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        return roles == null ? Optional.empty() : Optional.of(new AccessRule(false, List.of(roles.value())));
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (!resourceInfo.getResourceClass().getName().startsWith(OWN_PACKAGE)) {
            return; // Jersey's own OPTIONS and WADL handlers: they expose no data
        }
        Optional<AccessRule> rule = rule(method, resourceInfo.getResourceClass());
        if (rule.isEmpty()) {
            LOG.error(
                    "route {}.{} has no access rule: denied to everyone", method.getDeclaringClass(), method.getName());
        }
        AccessRule applied = rule.orElse(AccessRule.NOBODY);
        if (!applied.open()) {
            context.register(new RoleFilter(applied.roles()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleFilter implements ContainerRequestFilter {
        private final List<String> roles;

        RoleFilter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Actor actor = Actor.of(request.getSecurityContext());
            if (roles.stream().anyMatch(actor::hasRole)) {
                return;
            }
            if (!actor.anonymous()) {
                throw new ForbiddenException("your account may not use this page or API");
            }
            if ("GET".equals(request.getMethod()) && wantsHtml(request)) {
                // A path, never an absolute URI built from the request's Host: the browser resolves it against the
                // address it used, so a forged Host cannot send anyone elsewhere.
                URI login = jakarta.ws.rs.core.UriBuilder.fromPath("/login")
                        .queryParam("next", request.getUriInfo().getRequestUri().getRawPath())
                        .build();
                throw new RedirectionException(Response.Status.SEE_OTHER, login);
            }
            throw new NotAuthorizedException("sign in first", "Cookie");
        }

        private static boolean wantsHtml(ContainerRequestContext request) {
            return request.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
        }
    }
}
