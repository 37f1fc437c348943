package dev.assay.service.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where to tell an applicant-tracking system that a candidate completed a stage (config {@code webhook}). No
 * {@code url}: no webhook. The shared secret signs every delivery; it is made in {@code secretFile} on first start
 * when missing, and the tracking system is given a copy.
 */
public class WebhookSettings {
    @JsonProperty
    private @Nullable URI url;

    @NotNull
    @JsonProperty
    private String secretFile = "./data/webhook.key";

    @Min(1)
    @Max(30)
    @JsonProperty
    private int maxAttempts = 12;

    @Min(1)
    @Max(120)
    @JsonProperty
    private int timeoutSeconds = 10;

    /** The receiver, or null for none (also when the setting is empty). Only http and https are sent to. */
    public @Nullable URI getUrl() {
        if (url == null || url.toString().isBlank()) {
            return null;
        }
        String scheme = String.valueOf(url.getScheme());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("webhook.url " + url + " must be an http or https address");
        }
        return url;
    }

    public java.nio.file.Path getSecretFile() {
        return java.nio.file.Path.of(secretFile);
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }
}
