package dev.assay.service.environment.docker;

import dev.assay.service.environment.EnvironmentDriver;
import dev.assay.service.environment.EnvironmentDriverContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The Docker driver keeps the environment driver contract")
class DockerEnvironmentDriverIT extends EnvironmentDriverContract {
    static DockerEnvironmentDriver driver;

    @BeforeAll
    static void connect() {
        driver = DockerLabs.driver();
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
        return DockerLabs.image("assay/base:latest");
    }
}
