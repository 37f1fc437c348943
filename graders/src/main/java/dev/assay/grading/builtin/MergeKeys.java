package dev.assay.grading.builtin;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Finds YAML merge keys ({@code <<}): SnakeYAML merges them silently, but GitHub refuses a workflow that has one
 * (anchors and aliases it accepts), so the grader must not read a merged document GitHub would never run.
 */
final class MergeKeys {
    private MergeKeys() {}

    /** Whether the text (already parsed once within limits) holds a merge key. */
    static boolean present(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(1 << 20);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            return root != null && merges(root, new IdentityHashMap<>(), 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean merges(Node node, Map<Node, Boolean> seen, int depth) {
        if (depth > 64 || seen.put(node, Boolean.TRUE) != null) {
            return false;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (Tag.MERGE.equals(tuple.getKeyNode().getTag()) || merges(tuple.getValueNode(), seen, depth + 1)) {
                    return true;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (merges(item, seen, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
