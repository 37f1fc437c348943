package dev.assay.service.db;

import dev.assay.service.environment.EnvironmentHandle;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An environment as recorded in {@code environment_handles}: enough to re-attach to it after a restart. The
 * session label the driver put on it ({@code env_session}) is kept in {@code state_json}.
 */
public record StoredHandle(
        long id,
        @Nullable Long labSessionId,
        String driver,
        String externalId,
        @Nullable String labId,
        String stateJson,
        Instant createdAt,
        Instant expiresAt) {

    public EnvironmentHandle handle() {
        return new EnvironmentHandle(driver, externalId, HandleState.sessionOf(stateJson));
    }
}
