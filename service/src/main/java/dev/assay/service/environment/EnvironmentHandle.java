package dev.assay.service.environment;

/** Names an environment on its engine; persisted with the session so a restarted service re-attaches. */
public record EnvironmentHandle(String kind, String externalId, String sessionId) {}
