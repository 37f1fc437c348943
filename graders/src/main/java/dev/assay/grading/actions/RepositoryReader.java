package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads the local actions ({@code ./path} and {@code $/path}, their {@code action.yml} or {@code action.yaml}) and
 * local reusable workflows that the graded workflows use, and those they use in turn, up to a bound.
 */
public final class RepositoryReader {
    /** At most this many local files are read for one check. */
    static final int MAX_FILES = 32;

    /** Reads a file by its repository path: its parsed YAML, or why there is none. */
    public interface Files {
        Loaded read(String repositoryPath);
    }

    /** A read file: its parsed root, or the reason it is not there (missing, refused, not YAML). */
    public record Loaded(Optional<JsonNode> root, String problem) {
        public static Loaded of(JsonNode root) {
            return new Loaded(Optional.of(root), "");
        }

        public static Loaded failed(String problem) {
            return new Loaded(Optional.empty(), problem);
        }
    }

    private RepositoryReader() {}

    /** The repository view for these graded workflows, reading local files through {@code files}. */
    public static Repository read(List<Workflow> graded, Files files) {
        Repository repository = Repository.of(graded);
        Deque<String> queue = new ArrayDeque<>();
        graded.forEach(w -> queue.addAll(localUses(w.root())));
        int read = 0;
        while (!queue.isEmpty()) {
            String path = queue.pop();
            if (known(repository, path)) {
                continue;
            }
            if (read++ >= MAX_FILES) {
                repository.unreadable().put(path, "not read: more than " + MAX_FILES + " local files");
                continue;
            }
            load(repository, path, files).ifPresent(root -> queue.addAll(localUses(root)));
        }
        return repository;
    }

    private static boolean known(Repository repository, String path) {
        return repository.actions().containsKey(path)
                || repository.unreadable().containsKey(path)
                || repository.workflow(path).isPresent();
    }

    private static Optional<JsonNode> load(Repository repository, String path, Files files) {
        if (path.equals("..") || path.startsWith("../")) {
            repository.unreadable().put(path, "outside the repository");
            return Optional.empty();
        }
        if (path.startsWith(".github/workflows/")) {
            Loaded loaded = files.read(path);
            loaded.root()
                    .ifPresentOrElse(
                            root -> repository.called().add(new Workflow(path.substring(18), path, root)),
                            () -> repository.unreadable().put(path, loaded.problem()));
            return loaded.root();
        }
        Loaded yml = files.read(path + "/action.yml");
        Loaded loaded = yml.root().isPresent() ? yml : files.read(path + "/action.yaml");
        if (loaded.root().isEmpty()) {
            repository.unreadable().put(path, yml.problem());
            return Optional.empty();
        }
        repository.actions().put(path, loaded.root().get());
        return loaded.root();
    }

    /** The repository paths of every local {@code uses} anywhere in a workflow or action file. */
    static List<String> localUses(JsonNode root) {
        List<String> found = new ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static void collect(JsonNode node, List<String> found, int depth) {
        if (depth > 64) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("uses") && e.getValue().isTextual()) {
                    Repository.localPath(e.getValue().asText().strip()).ifPresent(found::add);
                } else {
                    collect(e.getValue(), found, depth + 1);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, found, depth + 1));
        }
    }
}
