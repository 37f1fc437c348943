package dev.assay.service.web;

import dev.assay.service.auth.Actor;
import dev.assay.service.db.User;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Applies {@link AssessmentScoped}: after the role check, a staff member who may not open the assessment in the path
 * gets the 404 of a missing assessment, before the route runs (so it neither reads nor changes anything).
 */
public final class AssessmentScopeFeature implements DynamicFeature {
    private final BiPredicate<User, Long> mayOpen;

    /** @param mayOpen whether a staff member may open an assessment (false for one that does not exist) */
    public AssessmentScopeFeature(BiPredicate<User, Long> mayOpen) {
        this.mayOpen = mayOpen;
    }

    /** The scope of a resource method (its own, else its class's), if it is one assessment's. */
    public static Optional<AssessmentScoped> scope(Method method, Class<?> resourceClass) {
        AssessmentScoped own = method.getAnnotation(AssessmentScoped.class);
        return Optional.ofNullable(own != null ? own : resourceClass.getAnnotation(AssessmentScoped.class));
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        scope(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass())
                .ifPresent(scope -> context.register(new ScopeFilter(scope.value()), Priorities.AUTHORIZATION + 1));
    }

    private final class ScopeFilter implements ContainerRequestFilter {
        private final String parameter;

        ScopeFilter(String parameter) {
            this.parameter = parameter;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String raw = request.getUriInfo().getPathParameters().getFirst(parameter);
            long id;
            try {
                id = Long.parseLong(String.valueOf(raw));
            } catch (NumberFormatException e) {
                throw new NotFoundException();
            }
            Optional<User> staff = Actor.of(request.getSecurityContext()).staff();
            if (staff.isEmpty() || !mayOpen.test(staff.get(), id)) {
                throw new NotFoundException("no assessment " + id);
            }
        }
    }
}
