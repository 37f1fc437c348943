package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** Runs API calls, turning the client's failures into {@link EnvironmentException}s that say what failed. */
final class KubeCalls {
    private final KubernetesClient api;

    KubeCalls(KubernetesClient api) {
        this.api = api;
    }

    /** A 404 is NotFound, a transport failure or a 5xx is EngineUnavailable, any other refusal names its reason. */
    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            int code = e.getCode();
            if (code == 404) {
                throw new EnvironmentException.NotFound(
                        what + ": not found on the API server at " + api.getMasterUrl());
            }
            if (code <= 0 || code >= 500) {
                throw new EnvironmentException.EngineUnavailable(
                        what + ": the Kubernetes API server at " + api.getMasterUrl() + " failed or is not reachable ("
                                + e.getMessage() + ")",
                        e);
            }
            throw new EnvironmentException(
                    what + ": the API server refused (HTTP " + code + "): "
                            + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()),
                    e);
        }
    }

    interface Interruptible<T> {
        T get() throws InterruptedException;
    }

    /** {@link #call} for an action that waits; an interrupt is kept and reported as a failure of the action. */
    <T> T interruptible(String what, Interruptible<T> action) {
        return call(what, () -> {
            try {
                return action.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException(what + ": interrupted", e);
            }
        });
    }
}
