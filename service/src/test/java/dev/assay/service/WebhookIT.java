package dev.assay.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.db.WebhookDao;
import dev.assay.service.webhooks.Webhooks;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stage-completed webhook against a receiver on loopback that fails its first delivery with a 500 (fault
 * injection: it stands for an applicant-tracking system having a bad minute): a candidate really works and submits
 * the stage's lab, the delivery is retried, arrives once with the stage scorecard and the candidate-level one, and
 * its signature verifies with the secret the service made.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A completed stage is told to the tracking system: signed, retried, once")
class WebhookIT {
    private static final String LAB = "linux-web-outage";
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Server ATS = receiver();
    private static final Path SECRET = secretPath();
    static final TestApp APP = TestApp.create(
            ConfigOverride.config("webhook.url", "http://127.0.0.1:" + port() + "/ats/assay"),
            ConfigOverride.config("webhook.secretFile", SECRET.toString()));
    static final DropwizardAppExtension<AssayConfiguration> EXT = APP.extension();

    record Received(String signature, String event, String delivery, String body) {}

    private static Server receiver() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        byte[] body = request.getInputStream().readAllBytes();
                        boolean fail = CALLS.incrementAndGet() == 1;
                        if (!fail) {
                            RECEIVED.add(new Received(
                                    request.getHeader("Assay-Signature"),
                                    request.getHeader("Assay-Event"),
                                    request.getHeader("Assay-Delivery"),
                                    new String(body, StandardCharsets.UTF_8)));
                        }
                        response.setStatus(fail ? 500 : 204);
                    }
                }),
                "/ats/assay");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the receiver did not start", e);
        }
        return server;
    }

    private static int port() {
        return ((ServerConnector) ATS.getConnectors()[0]).getLocalPort();
    }

    private static Path secretPath() {
        try {
            return Files.createTempDirectory("assay-webhook").resolve("webhook.key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        APP.prepare();
    }

    @AfterAll
    static void stop() {
        try {
            ATS.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        APP.removeEnvironments();
    }

    @Test
    void deliveredOnceSignedAfterARetry() throws Exception {
        TestApp.Candidate candidate = APP.acceptedCandidate("Wren Webhook");
        var browser = candidate.browser();
        assertThat(browser.postForm("/assessment/labs/" + LAB + "/start", Map.of(), true)
                        .statusCode())
                .isEqualTo(303);
        browser.get("/assessment/labs/" + LAB);
        HttpResponse<String> submitted = browser.postForm("/assessment/labs/" + LAB + "/submit", Map.of(), true);
        assertThat(submitted.statusCode()).isEqualTo(303);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (RECEIVED.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(RECEIVED).as("one delivery after the injected 500").hasSize(1);
        assertThat(CALLS.get()).isEqualTo(2);
        Received got = RECEIVED.get(0);
        assertThat(got.event()).isEqualTo(Webhooks.STAGE_COMPLETED);

        long seconds = Long.parseLong(got.signature().replaceAll("^t=(\\d+),.*$", "$1"));
        byte[] secret = Files.readString(SECRET).strip().getBytes(StandardCharsets.UTF_8);
        assertThat(got.signature()).isEqualTo(Webhooks.signature(secret, seconds, got.body()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - seconds)).isLessThan(120);
        assertThat(got.signature()).isNotEqualTo(Webhooks.signature(secret, seconds, got.body() + " "));

        JsonNode body = new ObjectMapper().readTree(got.body());
        assertThat(body.path("assessmentId").asLong()).isEqualTo(candidate.assessmentId());
        assertThat(body.path("candidate").path("name").asText()).isEqualTo("Wren Webhook");
        assertThat(body.path("scorecard").path("schema").asText()).isEqualTo("assay.scorecard/1");
        assertThat(body.path("scorecard").path("recommendation").path("verdict").asText())
                .isEqualTo("reject");
        JsonNode plan = body.path("candidate");
        assertThat(plan.path("email").asText())
                .as("kept for receivers that read it")
                .isEqualTo("cand@test.local");
        assertThat(plan.path("schema").asText()).isEqualTo("assay.candidate-scorecard/1");
        assertThat(plan.path("candidateName").asText()).isEqualTo("Wren Webhook");
        assertThat(plan.path("role").asText()).isEqualTo("devops-engineer");
        JsonNode technical = plan.path("stages").findParents("stage").stream()
                .filter(stage -> stage.path("stage").asText().equals("technical"))
                .findFirst()
                .orElseThrow();
        assertThat(technical.path("state").asText()).isEqualTo("done");
        assertThat(technical.path("assessmentId").asLong()).isEqualTo(candidate.assessmentId());
        assertThat(technical.path("verdict").asText()).isEqualTo("reject");
        assertThat(plan.path("skills")).hasSize(14);
        assertThat(plan.path("recommendation").path("verdict").asText()).isEqualTo("reject");

        List<WebhookDao.Delivery> rows =
                APP.jdbi().withExtension(WebhookDao.class, dao -> dao.of(candidate.assessmentId()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).status()).isEqualTo(WebhookDao.DELIVERED);
        assertThat(rows.get(0).attempts()).isEqualTo(2);
        assertThat(got.delivery()).isEqualTo(Long.toString(rows.get(0).id()));
        Thread.sleep(2500);
        assertThat(CALLS.get()).as("nothing more is sent once delivered").isEqualTo(2);
    }
}
