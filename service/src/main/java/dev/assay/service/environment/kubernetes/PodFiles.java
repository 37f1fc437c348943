package dev.assay.service.environment.kubernetes;

import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.ExecRequest;
import dev.assay.service.environment.ExecResult;
import dev.assay.service.environment.FileRead;
import dev.assay.service.environment.docker.TreeCopy;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.jspecify.annotations.Nullable;

/**
 * Reads the candidate's files in a pod workbench with our tools: the probe container (our image) sees the
 * candidate's home read-only and hands it over as a tar that never follows a link; its entries' types decide what
 * is read, as with the Docker engine's archive API. Only files under /root (the home volume) can be read.
 */
final class PodFiles {
    private static final String HOME = "/root";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 100_000;

    private PodFiles() {}

    /** The kernel gives up after 40 links in one walk; so do we. */
    private static final int MAX_LINKS = 40;

    /**
     * Reads a regular file under /root; a symbolic link is followed, as a tool in the workbench would, while each
     * step stays under /root (the only part of the workbench the probe sees).
     */
    static FileRead file(ContainerResource probe, String path, long maxBytes) throws InterruptedException {
        String current = path;
        for (int hop = 0; hop < MAX_LINKS; hop++) {
            String inProbe = probePath(current);
            if (inProbe == null || !type(probe, inProbe).equals("link")) {
                break;
            }
            String next = linkTarget(current, readlink(probe, inProbe));
            if (next == null || probePath(next) == null) {
                return new FileRead.Refused(path, "a link that leads out of " + HOME + " (the candidate's home)");
            }
            current = next;
        }
        FileRead read = regularFile(probe, current, maxBytes);
        return read instanceof FileRead.Missing && !current.equals(path)
                ? new FileRead.Missing(path + " (a link to " + current + ")")
                : read;
    }

    /** Where a link at {@code link} pointing at {@code target} leads, as an absolute, normalized path; null if above /. */
    static @Nullable String linkTarget(String link, String target) {
        String base = link.substring(0, link.lastIndexOf('/') + 1);
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : ((target.startsWith("/") ? "" : base) + target).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String readlink(ContainerResource probe, String inProbe) throws InterruptedException {
        ExecResult result = PodExec.run(probe, new ExecRequest(List.of("readlink", "--", inProbe), DEADLINE, 4096));
        if (!result.succeeded()) {
            throw new EnvironmentException("the workbench's probe could not read the link " + inProbe);
        }
        return result.stdout().strip();
    }

    private static FileRead regularFile(ContainerResource probe, String path, long maxBytes)
            throws InterruptedException {
        return read(
                probe,
                path,
                "file",
                inProbe -> stream(probe, inProbe, tar -> {
                    TarArchiveEntry entry = tar.getNextEntry();
                    if (entry == null || entry.getLinkFlag() != TarConstants.LF_NORMAL && entry.getLinkFlag() != 0) {
                        return new FileRead.Refused(path, "not a regular file (it changed while it was read)");
                    }
                    return TreeCopy.content(tar, entry, maxBytes);
                }));
    }

    static FileRead tree(ContainerResource probe, String path, long maxBytes) throws InterruptedException {
        return read(
                probe,
                path,
                "directory",
                inProbe -> stream(probe, inProbe, tar -> TreeCopy.copy(tar, path, maxBytes, MAX_ENTRIES)));
    }

    /** Reads {@code path} with {@code reader} when it is of the {@code wanted} type; else says why not. */
    private static FileRead read(
            ContainerResource probe, String path, String wanted, java.util.function.Function<String, FileRead> reader)
            throws InterruptedException {
        String inProbe = probePath(path);
        if (inProbe == null) {
            return refused(path);
        }
        String type = type(probe, inProbe);
        if (type.equals("missing")) {
            return new FileRead.Missing(path);
        }
        if (!type.equals(wanted)) {
            return new FileRead.Refused(
                    path, "not a " + (wanted.equals("file") ? "regular file" : wanted) + " (" + type + ")");
        }
        return reader.apply(inProbe);
    }

    /** The path as the probe sees it, or null when it is not an absolute, plain path under /root. */
    static @Nullable String probePath(String path) {
        if (!path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            return null;
        }
        if (path.equals(HOME) || path.equals(HOME + "/")) {
            return PodSpecs.PROBE_HOME;
        }
        return path.startsWith(HOME + "/") ? PodSpecs.PROBE_HOME + path.substring(HOME.length()) : null;
    }

    private static FileRead refused(String path) {
        return new FileRead.Refused(
                path, "only absolute paths under " + HOME + " (the candidate's home) can be read in a pod workbench");
    }

    private static String type(ContainerResource probe, String path) throws InterruptedException {
        ExecResult result = PodExec.run(
                probe,
                new ExecRequest(
                        List.of(
                                "sh",
                                "-c",
                                "if [ -L \"$1\" ]; then echo link; elif [ -f \"$1\" ]; then echo file;"
                                        + " elif [ -d \"$1\" ]; then echo directory; elif [ -e \"$1\" ];"
                                        + " then echo special; else echo missing; fi",
                                "type",
                                path),
                        DEADLINE,
                        1024));
        if (!result.succeeded()) {
            throw new EnvironmentException("the workbench's probe could not look at " + path + ": " + result.stderr());
        }
        return result.stdout().trim();
    }

    interface TarReader {
        FileRead read(TarArchiveInputStream tar) throws IOException;
    }

    /** Runs tar in the probe and reads its output as it comes; the exec is closed at the deadline in any case. */
    private static FileRead stream(ContainerResource probe, String path, TarReader reader) {
        int slash = path.lastIndexOf('/');
        String parent = path.substring(0, Math.max(slash, 1));
        String name = path.substring(slash + 1);
        try (ExecWatch watch = probe.redirectingOutput().exec("tar", "-C", parent, "-cf", "-", name)) {
            CompletableFuture.delayedExecutor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(watch::close);
            InputStream output = watch.getOutput();
            if (output == null) {
                throw new EnvironmentException("the workbench's probe gave no output for " + path);
            }
            return reader.read(new TarArchiveInputStream(output));
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + path + " in the workbench: " + e.getMessage(), e);
        }
    }
}
