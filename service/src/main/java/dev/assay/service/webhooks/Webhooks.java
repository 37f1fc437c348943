package dev.assay.service.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.service.core.SecretFile;
import dev.assay.service.db.AssessmentSummary;
import dev.assay.service.db.LabSession;
import dev.assay.service.db.SessionState;
import dev.assay.service.db.Sql;
import dev.assay.service.db.WebhookDao;
import dev.assay.service.scoring.Pipelines;
import dev.assay.service.scoring.Scorecard;
import dev.assay.service.scoring.Scoring;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an applicant-tracking system when a candidate completes a stage: a JSON POST with the stage scorecard and
 * the candidate-level scorecard of their whole plan so far ({@code candidate}), signed
 * with HMAC-SHA256 over the timestamp and body ({@code Assay-Signature: t=<unix seconds>,v1=<hex>}), queued in
 * the database first (an outbox) so a restart or an unreachable receiver loses nothing, retried with exponential
 * backoff, and given up after the configured attempts. docs/webhooks.md says how to verify a delivery.
 */
public final class Webhooks implements Managed {
    public static final String STAGE_COMPLETED = "stage.completed";
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Scoring scoring;
    private final Pipelines pipelines;
    private final WebhookSettings settings;
    private final URI url;
    private final byte[] secret;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhooks");
        thread.setDaemon(true);
        return thread;
    });

    public Webhooks(Jdbi jdbi, Scoring scoring, WebhookSettings settings, URI url, Clock clock, ObjectMapper json) {
        this.jdbi = jdbi;
        this.scoring = scoring;
        this.pipelines = new Pipelines(jdbi, scoring);
        this.settings = settings;
        this.url = url;
        this.secret = secret(settings.getSecretFile());
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(settings.getTimeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The shared secret in {@code file}, made there (32 random bytes as hex, owner-only) when it does not exist. */
    static byte[] secret(Path file) {
        try {
            if (!Files.exists(file)) {
                LOG.info("Making the webhook secret {}; give the receiving system a copy", file.toAbsolutePath());
            }
            String text = SecretFile.readOrMake(file, SecretFile::randomHex);
            if (text.length() < 16) {
                throw new IllegalStateException("the webhook secret in " + file.toAbsolutePath()
                        + " is shorter than 16 characters; write a long random one (or delete the file to have one"
                        + " made)");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the webhook secret " + file.toAbsolutePath(), e);
        }
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256(secret, seconds + "." + body)>}. */
    public static String signature(byte[] secret, long seconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * Called when a lab of the assessment is graded: when every lab of its stage now is, queues the stage's
     * completion (once; a second call finds it queued).
     */
    public void whenGraded(long assessmentId) {
        try {
            queueIfComplete(assessmentId);
        } catch (RuntimeException e) {
            LOG.error("Could not queue the stage-completed webhook of assessment {}", assessmentId, e);
        }
    }

    private void queueIfComplete(long assessmentId) {
        AssessmentSummary assessment = scoring.assessment(assessmentId);
        List<String> labs = scoring.labsOf(assessment);
        Map<String, LabSession> latest = scoring.latestSessions(assessmentId);
        boolean complete = !labs.isEmpty()
                && labs.stream()
                        .allMatch(lab ->
                                latest.containsKey(lab) && latest.get(lab).state() == SessionState.GRADED);
        if (!complete) {
            return;
        }
        Scorecard card = scoring.current(assessmentId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", STAGE_COMPLETED);
        body.put("assessmentId", assessmentId);
        body.put("candidate", candidate(assessment));
        body.put("role", assessment.roleId());
        body.put("stage", assessment.stage());
        body.put("completedAt", clock.instant().toString());
        body.put("scorecard", card);
        try {
            String text = json.writeValueAsString(body);
            jdbi.useExtension(
                    WebhookDao.class, dao -> dao.insert(assessmentId, STAGE_COMPLETED, text, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body", e);
        } catch (UnableToExecuteStatementException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /**
     * The candidate-level scorecard ({@code assay.candidate-scorecard/1}) as the body's {@code candidate} object,
     * after the {@code name} and {@code email} that object has always carried, so receivers reading those still do.
     */
    private Map<String, Object> candidate(AssessmentSummary assessment) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("name", assessment.candidateName());
        candidate.put("email", assessment.candidateEmail());
        Map<String, Object> card = json.convertValue(
                pipelines.of(assessment.assessmentId()),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        candidate.putAll(card);
        return candidate;
    }

    @Override
    public void start() {
        worker.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        worker.shutdownNow();
    }

    /** Sends every due delivery this replica can claim. */
    void deliverDue() {
        try {
            Instant now = clock.instant();
            for (WebhookDao.Delivery due : jdbi.withExtension(WebhookDao.class, dao -> dao.due(now))) {
                boolean mine = jdbi.withExtension(
                                WebhookDao.class, dao -> dao.claim(due.id(), due.nextAttemptAt(), now.plus(LEASE)))
                        == 1;
                if (mine) {
                    deliver(due);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook delivery round failed; the next round tries again", e);
        }
    }

    private void deliver(WebhookDao.Delivery delivery) {
        long seconds = clock.instant().getEpochSecond();
        String error;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(settings.getTimeoutSeconds()))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Assay-Webhooks/1")
                            .header("Assay-Event", delivery.event())
                            .header("Assay-Delivery", Long.toString(delivery.id()))
                            .header("Assay-Signature", signature(secret, seconds, delivery.body()))
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                jdbi.useExtension(WebhookDao.class, dao -> dao.delivered(delivery.id(), clock.instant()));
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= settings.getMaxAttempts();
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 12));
        Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        String reason = error.length() > 900 ? error.substring(0, 900) : error;
        jdbi.useExtension(
                WebhookDao.class,
                dao -> dao.failed(delivery.id(), giveUp ? WebhookDao.FAILED : WebhookDao.PENDING, next, reason));
        LOG.warn(
                "Webhook delivery {} of assessment {} failed ({}); {}",
                delivery.id(),
                delivery.assessmentId(),
                reason,
                giveUp ? "gave up after " + attempts + " attempts" : "next attempt at " + next);
    }
}
