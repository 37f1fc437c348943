package dev.assay.service.docker;

import com.codahale.metrics.health.HealthCheck;

/** Healthy when the Docker engine answers within its deadline; unhealthy (never a crash) otherwise. */
final class DockerHealthCheck extends HealthCheck {
    private final DockerEngine engine;

    DockerHealthCheck(DockerEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Result check() {
        try {
            DockerEngine.Version version = engine.version();
            return Result.builder()
                    .healthy()
                    .withMessage("Docker %s (API %s) at %s", version.engine(), version.apiVersion(), engine.host())
                    .build();
        } catch (DockerUnavailableException e) {
            return Result.unhealthy(e.getMessage());
        }
    }
}
