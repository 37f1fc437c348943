package dev.assay.service.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentsFactoryTest {

    @Test
    void poolsComeAsAMapOrAsText() {
        EnvironmentsFactory factory = new EnvironmentsFactory();
        factory.setPools(Map.of("linux-web-outage", 2));
        assertThat(factory.pools()).containsExactly(Map.entry("linux-web-outage", 2));
        factory.setPools(" linux-web-outage=2, git-revert = 1");
        assertThat(factory.pools()).containsOnly(Map.entry("linux-web-outage", 2), Map.entry("git-revert", 1));
        factory.setPools("");
        assertThat(factory.pools()).isEmpty();
        factory.setPools(null);
        assertThat(factory.pools()).isEmpty();
    }

    @Test
    void badPoolsSayHowToWriteThem() {
        EnvironmentsFactory factory = new EnvironmentsFactory();
        assertThatThrownBy(() -> factory.setPools("linux-web-outage"))
                .hasMessageContaining("'linux-web-outage' is not lab=size")
                .hasMessageContaining("ASSAY_WARM_POOLS=linux-web-outage=2");
        assertThatThrownBy(() -> factory.setPools("linux-web-outage=two"))
                .hasMessageContaining("must be a whole number, not 'two'");
        assertThatThrownBy(() -> factory.setPools(Map.of("linux-web-outage", "2.5")))
                .hasMessageContaining("not '2.5'");
        assertThatThrownBy(() -> factory.setPools(java.util.List.of("linux-web-outage")))
                .hasMessageContaining("must be a map of lab id to size");
    }

    @Test
    void anEmptyKubeconfigMeansNoKubernetesAndAMissingOneSaysWhatToRun() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        io.dropwizard.core.setup.Environment environment = new io.dropwizard.core.setup.Environment("test");
        java.net.URI docker = java.net.URI.create("unix:///var/run/docker.sock");
        EnvironmentsFactory empty = yaml.readValue("kubeconfig:\n", EnvironmentsFactory.class);
        assertThat(empty.build(environment, docker))
                .extracting(EnvironmentDriver::kind)
                .containsExactly("container");
        EnvironmentsFactory missing =
                yaml.readValue("kubeconfig: /nonexistent/admin.kubeconfig\n", EnvironmentsFactory.class);
        assertThatThrownBy(() -> missing.build(environment, docker))
                .hasMessageContaining("/nonexistent/admin.kubeconfig")
                .hasMessageContaining("./assay cluster up");
    }
}
