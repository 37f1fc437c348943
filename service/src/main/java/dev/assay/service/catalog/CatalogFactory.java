package dev.assay.service.catalog;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.grading.GraderRegistry;
import io.dropwizard.core.setup.Environment;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the lab catalog at start-up ({@code labs.dir}), logs every problem, and registers the "labs" health
 * check: unhealthy while any lab or role is broken (those are not served; the rest are).
 */
public class CatalogFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogFactory.class);

    @NotNull
    @JsonProperty
    private String dir = "labs";

    public LabCatalog build(Environment environment) {
        LabCatalog catalog = LabCatalog.load(Path.of(dir), GraderRegistry.discover());
        catalog.problems().forEach(problem -> LOG.warn("lab content: {}", problem));
        LOG.info(
                "lab catalog {}: {} lab(s), {} role(s), {} broken lab(s)",
                catalog.directory(),
                catalog.labs().size(),
                catalog.roles().size(),
                catalog.brokenLabs().size());
        environment.healthChecks().register("labs", new HealthCheck() {
            @Override
            protected Result check() {
                String summary = catalog.labs().size() + " lab(s), "
                        + catalog.roles().size() + " role(s) served from " + catalog.directory();
                return catalog.problems().isEmpty()
                        ? Result.healthy(summary)
                        : Result.unhealthy(summary + "; " + catalog.problems().size() + " problem(s), first: "
                                + catalog.problems().get(0) + " (run './assay labs validate')");
            }
        });
        return catalog;
    }
}
