package dev.assay.service.environment;

import java.time.Instant;

/** An environment found on the engine by its labels, with when it was created and when it must be gone. */
public record ManagedEnvironment(
        EnvironmentHandle handle, String labId, Instant createdAt, Instant expiresAt, EnvironmentStatus status) {}
