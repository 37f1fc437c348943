package dev.assay.grading;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a grader may read of one lab environment. The platform implements it over an environment driver, with
 * output caps and deadlines; a call that cannot be answered (the engine is gone) throws
 * {@link LabUnavailableException}, which makes the check not gradable.
 */
public interface LabView {

    /**
     * Runs a command inside the lab as root. Advisory: the candidate is root there and controls every binary,
     * library and preload the command touches.
     */
    CommandResult inLab(List<String> command, Duration timeout);

    /**
     * Runs a command in a probe of ours (busybox, psql, mosquitto clients, openssl), sharing the lab's network and process namespaces but
     * not its file system. Trusted: nothing in the lab can change what the probe's tools report.
     */
    CommandResult inProbe(List<String> command, Duration timeout);

    /**
     * Runs a command in a fresh container of ours (the workbench's tools, no network, small limits) with
     * {@code files} (plain names to bytes) in its working directory {@code /sandbox}. Trusted: our binaries,
     * working on data the grader chose to give them (candidate files read through {@link #readFile}).
     */
    CommandResult inSandbox(Map<String, byte[]> files, List<String> command, Duration timeout);

    /**
     * A file of the lab's own content folder, by its path relative to it (hidden test data the author wrote).
     * A missing file is the author's error: {@link LabUnavailableException}, so the check is not gradable.
     */
    byte[] labFile(String relativePath);

    /**
     * Reads one regular file through the engine's API (trusted: no tool of the lab is involved). A symbolic link is
     * followed to where its chain ends inside the lab's root file system, as a tool in the lab would open it; a link
     * into a special file system ({@code /proc}, {@code /sys}, {@code /dev}) or to anything but a regular file is
     * {@link FileResult.Refused}.
     */
    FileResult readFile(String path, long maxBytes);

    /**
     * Reads a directory through the engine's archive API (trusted, like {@link #readFile}) as a tar stream of its
     * sub-directories and regular files only, named relative to it; links, devices and the like are left out.
     * {@link FileResult.Content} then holds that tar (never truncated: a tree whose files add up to more than
     * {@code maxBytes} is {@link FileResult.Refused}), with the directory's own mode and owner.
     */
    FileResult readTree(String path, long maxBytes);

    /**
     * Kubernetes objects of the lab's namespace (or, for cluster-scoped kinds such as ClusterRole, of the cluster),
     * read with the platform's own credentials, never the candidate's: one JSON document per object, all of that
     * kind when {@code name} is null, none when there is no such object. A lab without a Kubernetes namespace
     * throws {@link LabUnavailableException}.
     */
    List<String> kubernetesObjects(String apiVersion, String kind, @Nullable String name);

    /**
     * Whether the API server would let {@code subject} ({@code ServiceAccount:name} of the lab's namespace,
     * {@code User:name} or {@code Group:name}) {@code verb} the {@code resource} of {@code apiGroup} ("" for the
     * core group) in the lab's namespace: a SubjectAccessReview, asked with the platform's credentials.
     */
    boolean kubernetesAllows(String subject, String verb, String apiGroup, String resource);

    /**
     * As {@link #kubernetesAllows(String, String, String, String)}, for the one object {@code name} of that resource
     * (the review's resource name, which rules with {@code resourceNames} match); {@code null} asks about every
     * object of the resource. A view that cannot name an object throws {@link LabUnavailableException}.
     */
    default boolean kubernetesAllows(
            String subject, String verb, String apiGroup, String resource, @Nullable String name) {
        if (name == null) {
            return kubernetesAllows(subject, verb, apiGroup, resource);
        }
        throw new LabUnavailableException(
                "this lab cannot ask the API server about one named object",
                new UnsupportedOperationException("kubernetesAllows with a resource name"));
    }

    /**
     * The paths of the lab's root file system that differ from the image it started from (added, changed or
     * deleted; setup steps included), as the engine records them: trusted, since the engine keeps this record
     * outside the lab. Graders use it to tell the image's own programs from replacements. An environment whose
     * engine keeps no such record throws {@link LabUnavailableException}.
     */
    java.util.Set<String> changedFromImage();

    /** What is left of the check's time budget: the deadline to give the commands a grader runs. */
    Duration timeLeft();
}
