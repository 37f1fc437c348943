package dev.assay.service.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** The Docker engine as the service sees it: a raw HTTP client with deadlines on every call. */
public final class DockerEngine implements AutoCloseable {

    /** What the engine reported about itself. */
    public record Version(String engine, String apiVersion, String os, String arch) {}

    private final URI host;
    private final DockerHttpClient http;
    private final ObjectMapper json;

    DockerEngine(URI host, DockerHttpClient http, ObjectMapper json) {
        this.host = host;
        this.http = http;
        this.json = json;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    public URI host() {
        return host;
    }

    /**
     * Asks the engine for its version. Throws {@link DockerUnavailableException} when the engine cannot be
     * reached or answers with an error, within the configured connect and response timeouts.
     */
    public Version version() {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/version")
                .build();
        try (DockerHttpClient.Response response = http.execute(request);
                InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                throw new DockerUnavailableException(host, "answered /version with HTTP " + response.getStatusCode());
            }
            JsonNode node = json.readTree(body);
            return new Version(
                    node.path("Version").asText("?"),
                    node.path("ApiVersion").asText("?"),
                    node.path("Os").asText("?"),
                    node.path("Arch").asText("?"));
        } catch (DockerUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DockerUnavailableException(host, e.toString());
        }
    }
}
