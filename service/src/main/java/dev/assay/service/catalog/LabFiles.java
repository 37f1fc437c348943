package dev.assay.service.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.Node;

/** Resolves the files a lab names, relative to its folder; refuses paths that leave it, records missing ones. */
final class LabFiles {
    private final YamlSource source;
    private final Path directory;

    LabFiles(YamlSource source, Path directory) {
        this.source = source;
        this.directory = directory.toAbsolutePath().normalize();
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** The regular file at {@code relative}, which should exist (a problem is recorded if it does not). */
    Path existing(Node node, String field, String relative) {
        Path resolved;
        try {
            resolved = directory.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            source.problem(node, field, "'" + printable(relative) + "' is not a valid path", "use plain file names");
            return directory;
        }
        if (relative.startsWith("/") || !resolved.startsWith(directory)) {
            source.problem(
                    node,
                    field,
                    "'" + relative + "' lies outside the lab's folder",
                    "give a path inside " + directory.getFileName());
            return resolved;
        }
        try {
            if (!Files.exists(resolved)) {
                source.problem(
                        node,
                        field,
                        "'" + relative + "' does not exist",
                        "create it or correct the path (relative to the lab's folder)");
            } else if (!Files.isRegularFile(resolved)) {
                source.problem(
                        node, field, "'" + relative + "' is not a regular file", "name a file, not a folder or device");
            } else if (!resolved.toRealPath().startsWith(directory.toRealPath())) {
                source.problem(
                        node,
                        field,
                        "'" + relative + "' is a link out of the lab's folder",
                        "copy the file into the lab instead");
            }
        } catch (IOException e) {
            source.problem(
                    node, field, "'" + relative + "' cannot be read: " + e.getMessage(), "check its permissions");
        }
        return resolved;
    }
}
