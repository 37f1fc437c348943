package dev.assay.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.assay.service.catalog.CatalogFactory;
import dev.assay.service.config.AuthSettings;
import dev.assay.service.docker.DockerFactory;
import dev.assay.service.environment.drivers.EnvironmentsFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/** The service configuration; see service/config.yml for every setting with its environment variable. */
public class AssayConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private DockerFactory docker = new DockerFactory();

    @Valid
    @NotNull
    @JsonProperty
    private AuthSettings auth = new AuthSettings();

    @Valid
    @NotNull
    @JsonProperty
    private CatalogFactory labs = new CatalogFactory();

    @Valid
    @NotNull
    @JsonProperty
    private EnvironmentsFactory environments = new EnvironmentsFactory();

    /** The address candidates and interviewers use; invitation links are built on it. */
    @NotNull
    @JsonProperty
    private URI publicUrl = URI.create("http://localhost:8080");

    /** The grade log's key, outside the database (made on first start): see AuditKey. */
    @NotNull
    @JsonProperty
    private String auditKeyFile = "./data/audit.key";

    /** The key lab parameter values are drawn with (made on first use, mode 0600): see VariantKey. */
    @NotNull
    @JsonProperty
    private String variantKeyFile = "./data/variant.key";

    /** The operator's key for the admin port's account task (made on first start, mode 0600): see OperatorKey. */
    @NotNull
    @JsonProperty
    private String operatorKeyFile = "./data/operator.key";

    /** Demo mode: an admin with a printed one-time password and one invitation, for a first look. */
    @JsonProperty
    private boolean demo;

    /**
     * How long a replica's hold on a final grading lasts without renewal (it renews every third of it while it
     * grades): after a replica dies, another finishes its gradings once this has passed.
     */
    @NotNull
    @JsonProperty
    private io.dropwizard.util.Duration gradingLease = io.dropwizard.util.Duration.minutes(1);

    public java.time.Duration getGradingLease() {
        return java.time.Duration.ofMillis(gradingLease.toMilliseconds());
    }

    /** The applicant-tracking system's webhook, told when a stage completes; off without a url. */
    @Valid
    @NotNull
    @JsonProperty
    private dev.assay.service.webhooks.WebhookSettings webhook = new dev.assay.service.webhooks.WebhookSettings();

    public dev.assay.service.webhooks.WebhookSettings getWebhook() {
        return webhook;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    public DockerFactory getDocker() {
        return docker;
    }

    public EnvironmentsFactory getEnvironments() {
        return environments;
    }

    public CatalogFactory getLabs() {
        return labs;
    }

    public AuthSettings getAuth() {
        return auth;
    }

    public URI getPublicUrl() {
        return publicUrl;
    }

    public java.nio.file.Path getAuditKeyFile() {
        return java.nio.file.Path.of(auditKeyFile);
    }

    public java.nio.file.Path getVariantKeyFile() {
        return java.nio.file.Path.of(variantKeyFile);
    }

    public java.nio.file.Path getOperatorKeyFile() {
        return java.nio.file.Path.of(operatorKeyFile);
    }

    public boolean isDemo() {
        return demo;
    }
}
