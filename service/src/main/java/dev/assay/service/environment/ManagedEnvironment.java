package dev.assay.service.environment;

import java.time.Instant;

/** An environment found on the engine by its labels. */
public record ManagedEnvironment(EnvironmentHandle handle, String labId, Instant expiresAt, EnvironmentStatus status) {}
