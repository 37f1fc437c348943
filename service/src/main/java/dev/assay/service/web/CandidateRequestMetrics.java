package dev.assay.service.web;

import dev.assay.service.core.Role;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * A latency histogram of the routes candidates use (the invitation pages and every candidate-role route), labelled
 * by route ({@code Class.method}, never the path: invitation paths hold tokens) and status class. A histogram, not
 * Dropwizard's timer, because the latency SLO counts requests under a threshold and sums them over replicas, which
 * quantiles cannot do. Series of every route and status class exist from start-up, so rates are never absent.
 */
public final class CandidateRequestMetrics implements DynamicFeature {
    public static final String NAME = "assay_candidate_request_duration_seconds";
    private static final String STARTED = CandidateRequestMetrics.class.getName() + ".started";
    private static final List<String> CLASSES = List.of("2xx", "3xx", "4xx", "5xx");

    private final Histogram latency;
    private final Set<Class<?>> publicCandidateResources;

    /** @param publicCandidateResources public resources candidates use (the invitation pages) */
    public CandidateRequestMetrics(PrometheusRegistry registry, Set<Class<?>> publicCandidateResources) {
        this.publicCandidateResources = Set.copyOf(publicCandidateResources);
        this.latency = Histogram.builder()
                .name(NAME)
                .help("Time to answer candidate-facing routes, by route and status class")
                .labelNames("endpoint", "code")
                .classicOnly()
                .classicUpperBounds(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
                .register(registry);
    }

    /** Whether a route serves candidates: one of the public candidate resources, or a candidate-role route. */
    boolean candidateFacing(Method method, Class<?> resourceClass) {
        return publicCandidateResources.contains(resourceClass)
                || AccessControlFeature.rule(method, resourceClass)
                        .map(rule -> rule.roles().contains(Role.CANDIDATE_ROLE))
                        .orElse(false);
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (!candidateFacing(method, resourceInfo.getResourceClass())) {
            return;
        }
        String endpoint = resourceInfo.getResourceClass().getSimpleName() + "." + method.getName();
        CLASSES.forEach(code -> latency.labelValues(endpoint, code));
        // first in, last out: the time includes the access and CSRF filters and the answers they give
        context.register(new Timing(latency, endpoint), Priorities.AUTHENTICATION - 100);
    }

    private record Timing(Histogram latency, String endpoint)
            implements ContainerRequestFilter, ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(STARTED, System.nanoTime());
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (request.getProperty(STARTED) instanceof Long started) {
                int status = Math.min(Math.max(response.getStatus() / 100, 2), 5);
                latency.labelValues(endpoint, status + "xx").observe((System.nanoTime() - started) / 1e9);
            }
        }
    }
}
