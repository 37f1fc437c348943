package dev.assay.service.environment.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.service.environment.EnvironmentDriver;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
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
        EnvironmentsFactory outside = yaml.readValue("kubeconfig: in-cluster\n", EnvironmentsFactory.class);
        assertThatThrownBy(() -> outside.build(environment, docker)) // the tests never run in a pod
                .hasMessageContaining("does not run in a Kubernetes pod");
    }

    @Test
    @DisplayName("the Kubernetes workbench is docker or pod; anything else is refused, naming both")
    void workbenchMode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        io.dropwizard.core.setup.Environment environment = new io.dropwizard.core.setup.Environment("test");
        java.net.URI docker = java.net.URI.create("unix:///var/run/docker.sock");
        java.nio.file.Path kubeconfig = dir.resolve("kubeconfig");
        java.nio.file.Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);
        EnvironmentsFactory pods =
                yaml.readValue("kubeconfig: " + kubeconfig + "\nkubernetesWorkbench: pod\n", EnvironmentsFactory.class);
        assertThat(pods.build(environment, docker))
                .extracting(EnvironmentDriver::kind)
                .containsExactly("container", "kubernetes");
        EnvironmentsFactory wrong =
                yaml.readValue("kubeconfig: " + kubeconfig + "\nkubernetesWorkbench: vm\n", EnvironmentsFactory.class);
        assertThatThrownBy(() -> wrong.build(environment, docker))
                .hasMessageContaining("kubernetesWorkbench is 'vm'")
                .hasMessageContaining("pod");
    }
}
