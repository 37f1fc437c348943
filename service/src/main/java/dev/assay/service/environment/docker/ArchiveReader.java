package dev.assay.service.environment.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.assay.service.environment.EnvironmentException;
import dev.assay.service.environment.FileRead;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a candidate's file through the engine's archive API, never with tools inside the lab: the engine's stat
 * header is checked before the body is read, and only a regular file is downloaded, at most {@code maxBytes} of it, from a tar stream
 * whose entry must again be a regular file. Links, directories, devices, pipes and sockets are refused.
 */
final class ArchiveReader {
    /** Go's os.FileMode bits that mark anything but a regular file (dir, symlink, device, pipe, socket, ...). */
    private static final long NOT_REGULAR =
            (1L << 31) | (1L << 27) | (1L << 26) | (1L << 25) | (1L << 24) | (1L << 21) | (1L << 19);

    private final DockerHttpClient http;
    private final ObjectMapper json;

    ArchiveReader(DockerHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** File systems the engine does not read from the lab's root: a link into them leaves the lab's files. */
    private static final java.util.List<String> OUTSIDE = java.util.List.of("/proc", "/sys", "/dev");

    /**
     * Reads a regular file; a symbolic link is followed (once: the engine states where its whole chain ends,
     * resolved inside the lab's root file system, as a tool in the lab would see it) unless it ends in a special
     * file system or at something other than a regular file.
     */
    FileRead read(String containerId, String path, long maxBytes) {
        if (!path.startsWith("/")) {
            return new FileRead.Refused(path, "the path must be absolute");
        }
        FileRead first = readOnce(containerId, path, maxBytes, true);
        if (first instanceof FileRead.Refused refused && refused.reason().startsWith(LINK_TO)) {
            String target = refused.reason().substring(LINK_TO.length());
            if (OUTSIDE.stream().anyMatch(special -> target.equals(special) || target.startsWith(special + "/"))) {
                return new FileRead.Refused(path, "a link to " + target + ", outside the lab's files");
            }
            FileRead followed = readOnce(containerId, target, maxBytes, false);
            return followed instanceof FileRead.Missing
                    ? new FileRead.Missing(path + " (a link to " + target + ")")
                    : followed;
        }
        return first;
    }

    private static final String LINK_TO = "a symbolic link to ";

    private FileRead readOnce(String containerId, String path, long maxBytes, boolean followLink) {
        DockerHttpClient.Response response = archive(containerId, path);
        TarArchiveInputStream tar = null;
        try {
            if (response.getStatusCode() != 200) {
                return missing(response, path);
            }
            // The engine states the path's type and size in a header: refuse before a byte of the body is read.
            Optional<String> refusal = refusal(response.getHeader("X-Docker-Container-Path-Stat"), followLink);
            if (refusal.isPresent()) {
                return new FileRead.Refused(path, refusal.get());
            }
            tar = new TarArchiveInputStream(response.getBody());
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null || !entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
                return new FileRead.Refused(path, "changed into something other than a regular file while being read");
            }
            return TreeCopy.content(tar, entry, maxBytes);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            // Close the response first: it drops the connection instead of draining a 10 GiB body.
            closeQuietly(response);
            closeQuietly(tar);
        }
    }

    /** Go's os.ModeDir bit in the engine's stat header. */
    private static final long DIRECTORY = 1L << 31;
    /** More entries than any repository a lab asks for; a tree with more is refused. */
    private static final int MAX_ENTRIES = 100_000;

    /**
     * Reads a directory as a fresh tar of its sub-directories and regular files, named relative to it (links,
     * devices, pipes and names that climb out are left out), refused when its files add up to more than
     * {@code maxBytes} or it has more than {@value #MAX_ENTRIES} entries.
     */
    FileRead tree(String containerId, String path, long maxBytes) {
        if (!path.startsWith("/")) {
            return new FileRead.Refused(path, "the path must be absolute");
        }
        DockerHttpClient.Response response = archive(containerId, path);
        TarArchiveInputStream tar = null;
        try {
            if (response.getStatusCode() != 200) {
                return missing(response, path);
            }
            String stat = response.getHeader("X-Docker-Container-Path-Stat");
            JsonNode node = stat == null
                    ? json.nullNode()
                    : json.readTree(Base64.getDecoder().decode(stat));
            if ((node.path("mode").asLong() & DIRECTORY) == 0
                    || !node.path("linkTarget").asText("").isEmpty()) {
                return new FileRead.Refused(path, "not a directory");
            }
            tar = new TarArchiveInputStream(response.getBody());
            return TreeCopy.copy(tar, path, maxBytes, MAX_ENTRIES);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(response);
            closeQuietly(tar);
        }
    }

    /** GET of the path through the archive API: a tar stream, with the path's stat in a header. */
    private DockerHttpClient.Response archive(String containerId, String path) {
        return http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .build());
    }

    /** A 404 is a missing path; any other answer but 200 is the engine's trouble. */
    private static FileRead missing(DockerHttpClient.Response response, String path) {
        if (response.getStatusCode() == 404) {
            return new FileRead.Missing(path);
        }
        throw new EnvironmentException("reading " + path + " answered HTTP " + response.getStatusCode());
    }

    private Optional<String> refusal(@Nullable String stat, boolean followLink) throws IOException {
        if (stat == null) {
            return Optional.of("the engine sent no file type; not read");
        }
        JsonNode node = json.readTree(Base64.getDecoder().decode(stat));
        long mode = node.path("mode").asLong();
        String linkTarget = node.path("linkTarget").asText("");
        if (followLink && !linkTarget.isEmpty() && linkTarget.startsWith("/")) {
            return Optional.of(LINK_TO + linkTarget);
        }
        if (!node.path("linkTarget").asText("").isEmpty() || (mode & NOT_REGULAR) != 0) {
            return Optional.of("not a regular file (mode " + Long.toOctalString(mode & 0xFFFFFFFFL) + ")");
        }
        return Optional.empty();
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after the read is done or abandoned: nothing left to save
        }
    }
}
