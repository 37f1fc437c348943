package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentDriverContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The Kubernetes driver with pod workbenches keeps the environment driver contract")
class PodWorkbenchDriverIT extends EnvironmentDriverContract {
    @RegisterExtension
    static final KubeCluster CLUSTER = new KubeCluster();

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static KubernetesEnvironmentDriver driver;

    @BeforeAll
    static void connect() {
        driver = KubeDrivers.podDriver(CLUSTER);
    }

    @AfterAll
    static void disconnect() {
        driver.close();
    }

    @Override
    protected EnvironmentDriver driver() {
        return driver;
    }

    @Override
    protected String image() {
        return "assay/base:latest";
    }
}
