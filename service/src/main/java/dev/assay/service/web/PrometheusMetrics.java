package dev.assay.service.web;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;

/**
 * Prometheus text format on the admin port at {@code /prometheus}: the JVM (Prometheus' own JVM collectors)
 * and every Dropwizard metric (Jetty, Jersey, connection pool, and the timers of our resources), plus the
 * candidate routes' latency histogram ({@link CandidateRequestMetrics}).
 */
public final class PrometheusMetrics {
    public static final String PATH = "/prometheus";

    private PrometheusMetrics() {}

    /**
     * Leaves out Jersey's per-method filtering timers and the {@code .total} twin of each resource timer:
     * they add little, and {@code x.total} would collide with {@code x} once Prometheus names drop the suffix.
     */
    static boolean exported(String name, com.codahale.metrics.Metric metric) {
        return !(name.endsWith(".request.filtering")
                || name.endsWith(".response.filtering")
                || name.endsWith(".total"));
    }

    /** @param publicCandidateResources the public resources candidates use, timed with the candidate routes */
    public static void register(Environment environment, Set<Class<?>> publicCandidateResources) {
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder()
                .dropwizardRegistry(environment.metrics())
                .metricFilter(PrometheusMetrics::exported)
                .register(registry);
        JvmMetrics.builder().register(registry);
        environment.jersey().register(new CandidateRequestMetrics(registry, publicCandidateResources));
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping(PATH);
    }
}
