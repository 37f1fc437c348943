package dev.assay.service.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.service.environment.EnvironmentException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class EngineUnavailableMapperTest {
    @Test
    void unavailableEngineIs503WithRetryAfterAndNoInternals() {
        Response response = new EngineUnavailableMapper()
                .toResponse(new EnvironmentException.EngineUnavailable("docker at unix:///secret/path is down", null));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("15");
        assertThat(response.getEntity()).isInstanceOf(ErrorBody.class);
        assertThat(((ErrorBody) response.getEntity()).message())
                .contains("nothing was created")
                .doesNotContain("/secret/path");
    }
}
