package dev.assay.service.catalog;

import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** One YAML file being read: where problems go and the name they are reported under. */
record YamlSource(Path shown, List<Problem> problems) {
    /** Past this many problems in one file the rest are summarised: a hostile file cannot flood the report. */
    static final int MAX_PER_FILE = 100;

    void problem(Node node, String field, String message, String fix) {
        add(new Problem(
                shown, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, field, message, fix));
    }

    void problem(String field, String message, String fix) {
        add(new Problem(shown, 0, 0, field, message, fix));
    }

    private void add(Problem problem) {
        long already = problems.stream()
                .filter(p -> p.file().equals(shown))
                .limit(MAX_PER_FILE + 1L)
                .count();
        if (already < MAX_PER_FILE) {
            problems.add(problem);
        } else if (already == MAX_PER_FILE) {
            problems.add(new Problem(shown, 0, 0, "", "more problems not shown", "fix these first"));
        }
    }

    /** At most ten items, each at most 60 characters: for "use one of ..." hints. */
    static String sample(java.util.Collection<?> items) {
        List<String> shown = items.stream()
                .limit(10)
                .map(String::valueOf)
                .map(s -> s.length() > 60 ? s.substring(0, 60) + "..." : s)
                .toList();
        return shown + (items.size() > 10 ? " and " + (items.size() - 10) + " more" : "");
    }
}
