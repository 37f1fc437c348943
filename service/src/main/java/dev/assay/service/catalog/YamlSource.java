package dev.assay.service.catalog;

import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** One YAML file being read: where problems go and the name they are reported under. */
record YamlSource(Path shown, List<Problem> problems) {

    void problem(Node node, String field, String message, String fix) {
        problems.add(new Problem(
                shown, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, field, message, fix));
    }

    void problem(String field, String message, String fix) {
        problems.add(new Problem(shown, 0, 0, field, message, fix));
    }
}
