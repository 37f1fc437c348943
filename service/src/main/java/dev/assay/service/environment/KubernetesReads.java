package dev.assay.service.environment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a driver with a Kubernetes namespace per session lets graders read, with the platform's own credentials
 * (never the candidate's): the namespace's objects, and what the API server would allow a subject there.
 */
public interface KubernetesReads {

    /** One JSON document per object of {@code kind} in the session's namespace (or the cluster, if cluster-scoped). */
    List<String> kubernetesObjects(EnvironmentHandle handle, String apiVersion, String kind, @Nullable String name);

    /**
     * A SubjectAccessReview in the session's namespace; {@code subject} is {@code ServiceAccount:name} (of that
     * namespace), {@code User:name} or {@code Group:name}, and {@code resource} may name a subresource
     * ({@code pods/log}).
     */
    default boolean kubernetesAllows(
            EnvironmentHandle handle, String subject, String verb, String apiGroup, String resource) {
        return kubernetesAllows(handle, subject, verb, apiGroup, resource, null);
    }

    /** As above, for the one object {@code name} of the resource (its resource name); null: every object. */
    boolean kubernetesAllows(
            EnvironmentHandle handle,
            String subject,
            String verb,
            String apiGroup,
            String resource,
            @Nullable String name);
}
