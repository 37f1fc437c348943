package dev.assay.service.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses lab content YAML with limits, so a hostile or broken file costs little and fails clearly: the size is
 * checked before anything is read, then SnakeYAML composes one document with bounded nesting, few aliases and
 * no global tags ({@code !!java/...} and the like). The result is a node tree with line numbers; {@link
 * MapReader} turns it into values and refuses duplicate keys, anchors and local tags.
 */
public final class SafeYaml {
    /** Lab and role files are small; anything larger is a mistake or an attack. */
    public static final int MAX_BYTES = 256 * 1024;

    static final int MAX_DEPTH = 40;
    private static final int MAX_ALIASES = 10;

    private SafeYaml() {}

    /** The document's root node, or empty with the reason added to {@code problems}. */
    public static Optional<Node> parse(Path file, Path shown, List<Problem> problems) {
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(shown, 0, 0, "", "not a regular file", "lab content is plain files"));
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(new Problem(
                        shown,
                        0,
                        0,
                        "",
                        "file is " + size + " bytes; lab files may have at most " + MAX_BYTES,
                        "move long content (scripts, documents) into files of their own"));
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            Node root = new Yaml(options()).compose(new StringReader(text));
            if (root == null) {
                problems.add(new Problem(shown, 0, 0, "", "file is empty", "see labs/README.md for the fields"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(shown, 0, 0, "", "file is not UTF-8 text", "save it as UTF-8"));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String message = String.valueOf(e.getProblem() != null ? e.getProblem() : e.getMessage());
            problems.add(new Problem(shown, line, column, "", "YAML: " + message, fixFor(message)));
        } catch (YAMLException e) {
            problems.add(
                    new Problem(shown, 0, 0, "", "YAML: " + e.getMessage(), fixFor(String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            problems.add(new Problem(shown, 0, 0, "", "cannot read: " + e, "check the file exists and is readable"));
        }
        return Optional.empty();
    }

    /** The limits above as SnakeYAML options, for YAML that comes from a form rather than a file. */
    public static LoaderOptions loaderOptions() {
        return options();
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setTagInspector(tag -> false);
        options.setProcessComments(false);
        return options;
    }

    private static String fixFor(String message) {
        if (message.contains("aliases")) {
            return "write the values out; lab files do not use anchors and aliases";
        }
        if (message.contains("Nesting Depth")) {
            return "lab files nest a few levels deep; at most " + MAX_DEPTH;
        }
        if (message.contains("Global tag")) {
            return "remove the !!tag; lab files hold plain maps, lists and scalars";
        }
        return "check the indentation and quoting near this line";
    }
}
