package dev.assay.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderRegistryTest {

    @Test
    void builtInGradersAreFoundThroughServiceLoader() {
        GraderRegistry registry = GraderRegistry.discover();
        assertThat(registry.ids()).contains("command", "file", "http", "port", "process");
        assertThat(registry.find("http")).get().satisfies(factory -> {
            assertThat(factory.version()).isNotBlank();
            assertThat(factory.parameters().check(Map.of("url", "ftp://x")))
                    .singleElement()
                    .asString()
                    .contains("must be an http:// URL");
        });
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void twoGradersWithOneIdAreRefused() {
        Grader one = GraderRegistry.discover().find("file").orElseThrow();
        assertThatThrownBy(() -> GraderRegistry.of(List.of(one, one)))
                .hasMessageContaining("two graders claim the id 'file'");
    }

    @Test
    void builtInParameterRules() {
        GraderRegistry registry = GraderRegistry.discover();
        assertThat(registry.find("port").orElseThrow().parameters().check(Map.of("port", 70000L)))
                .singleElement()
                .asString()
                .contains("between 1 and 65535");
        assertThat(registry.find("port").orElseThrow().parameters().check(Map.of("port", 80L, "executable", "nginx")))
                .singleElement()
                .asString()
                .contains("absolute path");
        assertThat(registry.find("file").orElseThrow().parameters().check(Map.of("path", "/etc/x", "mode", "rwx")))
                .singleElement()
                .asString()
                .contains("octal");
        assertThat(registry.find("command").orElseThrow().parameters().check(Map.of("run", "true", "jsonPath", "/a")))
                .singleElement()
                .asString()
                .contains("jsonPath and equals go together");
    }
}
