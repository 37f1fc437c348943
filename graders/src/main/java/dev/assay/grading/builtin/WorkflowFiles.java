package dev.assay.grading.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.grading.CheckResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.actions.RepositoryReader;
import dev.assay.grading.actions.Workflow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads workflows as GitHub finds them, through the archive API: one file, or every {@code .yml} and {@code .yaml}
 * file directly in a {@code .github/workflows} directory (GitHub runs each of them), both from the directory's tree
 * (so a link out of it is not taken for a workflow), and the repository's local files they use. Every file read is
 * evidence; one that is missing, too large, not YAML or refused by GitHub is a failed expectation.
 */
final class WorkflowFiles {
    static final long MAX_TREE_BYTES = 8L << 20;
    private static final Pattern IN_REPOSITORY = Pattern.compile("(.*)/\\.github/workflows(?:/([^/]+))?/?");

    private final LabView lab;
    private final CheckResult.Builder check;
    private final @Nullable String root;
    private @Nullable Map<String, String> workflowsTree;

    WorkflowFiles(LabView lab, CheckResult.Builder check, String path) {
        this.lab = lab;
        this.check = check;
        Matcher matcher = IN_REPOSITORY.matcher(path);
        this.root = matcher.matches() ? matcher.group(1) : null;
    }

    static boolean isFile(String path) {
        return path.endsWith(".yml") || path.endsWith(".yaml");
    }

    /** The graded workflows; null when they cannot be read (the failure is recorded). */
    @Nullable
    List<Workflow> graded(String path) {
        Map<String, String> texts = new TreeMap<>();
        if (root != null) {
            Map<String, String> all = workflowsTree(true);
            if (all == null) {
                return null;
            }
            if (isFile(path)) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!all.containsKey(name)) {
                    return absent(path);
                }
                texts.put(name, all.get(name));
            } else {
                texts.putAll(all);
            }
        } else if (isFile(path)) {
            String text = file(path);
            if (text == null) {
                return null;
            }
            texts.put(path.substring(path.lastIndexOf('/') + 1), text);
        } else {
            check.expect(false, path + " is neither a workflow file nor a .github/workflows directory");
            return null;
        }
        List<Workflow> workflows = new ArrayList<>();
        texts.forEach((name, text) -> {
            JsonNode parsed = parse(name, text);
            if (parsed != null) {
                workflows.add(new Workflow(name, ".github/workflows/" + name, parsed));
            }
        });
        check.observe("workflows", String.join(", ", texts.keySet()));
        return check.failed() ? null : workflows;
    }

    private @Nullable List<Workflow> absent(String path) {
        FileResult read = lab.readFile(path, FileGrader.MAX_BYTES);
        check.expect(
                false,
                read instanceof FileResult.Content
                        ? path + " is a symbolic link out of .github/workflows; GitHub runs the files committed there,"
                                + " not what a link points to"
                        : path + " does not exist");
        return null;
    }

    private @Nullable String file(String path) {
        FileResult.Content content = Text.candidateFile(lab, path, check);
        if (content == null) {
            return null;
        }
        if (content.truncated()) {
            check.expect(false, path + " is larger than " + FileGrader.MAX_BYTES + " bytes");
            return null;
        }
        return content.text();
    }

    /** The workflow files of the repository's .github/workflows, read once; null (recorded when asked) if none. */
    private @Nullable Map<String, String> workflowsTree(boolean record) {
        if (workflowsTree != null) {
            return workflowsTree;
        }
        String path = root + "/.github/workflows";
        FileResult tree = lab.readTree(path, MAX_TREE_BYTES);
        if (!(tree instanceof FileResult.Content content)) {
            if (record) {
                check.expect(
                        false,
                        tree instanceof FileResult.Refused refused
                                ? path + " was not read: " + refused.reason()
                                : "there is no directory " + path);
            }
            return null;
        }
        check.evidence(new Evidence("workflows directory (tar)", path, content.sha256(), content.size()));
        Map<String, String> found = new TreeMap<>();
        TarFiles.regularFiles(content.bytes()).forEach((name, bytes) -> {
            if (!name.contains("/") && isFile(name)) {
                found.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        if (found.isEmpty() && record) {
            check.expect(false, "there is no workflow (.yml or .yaml file) in " + path);
            return null;
        }
        workflowsTree = found;
        return found;
    }

    private @Nullable JsonNode parse(String name, String text) {
        Documents.Parsed parsed = Documents.yaml(text);
        if (parsed instanceof Documents.Parsed.Document document
                && document.root().isObject()) {
            if (MergeKeys.present(text)) {
                check.expect(false, name + " uses the YAML merge key <<, which GitHub refuses");
                return null;
            }
            return document.root();
        }
        String why = parsed instanceof Documents.Parsed.Unreadable u ? u.reason() : "not a YAML mapping";
        check.expect(false, name + " is " + why + " (GitHub refuses it)");
        return null;
    }

    /** Reads a local file of the repository (an action's metadata, a reusable workflow) for the repository view. */
    RepositoryReader.Loaded local(String repositoryPath) {
        if (root == null) {
            return RepositoryReader.Loaded.failed(
                    "the workflow is not in a .github/workflows directory, so local paths cannot be resolved");
        }
        String path = root + "/" + repositoryPath;
        String text;
        if (repositoryPath.startsWith(".github/workflows/") && repositoryPath.lastIndexOf('/') == 17) {
            Map<String, String> all = workflowsTree(false);
            text = all == null ? null : all.get(repositoryPath.substring(18));
            if (text == null) {
                return RepositoryReader.Loaded.failed(path + " is not a workflow file of .github/workflows");
            }
        } else {
            FileResult read = lab.readFile(path, FileGrader.MAX_BYTES);
            if (!(read instanceof FileResult.Content content)) {
                return RepositoryReader.Loaded.failed(
                        read instanceof FileResult.Refused refused
                                ? path + ": " + refused.reason()
                                : path + " does not exist");
            }
            check.evidence(new Evidence("file", path, content.sha256(), content.size()));
            if (content.truncated()) {
                return RepositoryReader.Loaded.failed(path + " is larger than " + FileGrader.MAX_BYTES + " bytes");
            }
            text = content.text();
        }
        Documents.Parsed parsed = Documents.yaml(text);
        if (!(parsed instanceof Documents.Parsed.Document document)
                || !document.root().isObject()) {
            return RepositoryReader.Loaded.failed(path + " is not a YAML mapping");
        }
        return MergeKeys.present(text)
                ? RepositoryReader.Loaded.failed(path + " uses the YAML merge key <<, which GitHub refuses")
                : RepositoryReader.Loaded.of(document.root());
    }
}
