package dev.assay.grading.design;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Checks a design document (labs/README.md, "Design documents") and reads it. The same validator serves the design
 * grader and the candidate's editor: every problem at once, each with its path, line, what is wrong and how to
 * fix it. Candidate text is hostile: at most {@value #MAX_BYTES} bytes, nesting depth 32, 20 aliases.
 */
public final class DesignValidator {
    public static final int MAX_BYTES = 256 * 1024;

    /** A document read: the design when it has no problems, else the problems (never both empty). */
    public record Reading(@Nullable Design design, List<Problem> problems) {
        public Optional<Design> valid() {
            return Optional.ofNullable(design);
        }
    }

    /** Every problem of the document; empty when it is a valid design. */
    public List<Problem> validate(byte[] yaml) {
        return read(yaml).problems();
    }

    public Reading read(byte[] yaml) {
        List<Problem> problems = new ArrayList<>();
        Node root = compose(yaml, problems);
        if (root == null) {
            return new Reading(null, problems);
        }
        Design design = new DesignReader(problems).read(root);
        if (design != null && problems.isEmpty()) {
            DesignRules.check(design, problems);
        }
        return new Reading(problems.isEmpty() ? design : null, List.copyOf(problems));
    }

    private static @Nullable Node compose(byte[] yaml, List<Problem> problems) {
        if (yaml.length > MAX_BYTES) {
            problems.add(new Problem("", 0, 0, "is " + yaml.length + " bytes, more than " + MAX_BYTES, "shorten it"));
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(yaml))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem("", 0, 0, "is not UTF-8 text", "save the file as UTF-8"));
            return null;
        }
        try {
            Node root = new Yaml(new SafeConstructor(limits())).compose(new StringReader(text));
            if (root == null) {
                problems.add(new Problem("", 0, 0, "is empty", "start from the example in labs/README.md"));
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
            problems.add(new Problem(
                    "",
                    mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "is not valid YAML: " + what,
                    "check the indentation and quoting around this place"));
            return null;
        } catch (YAMLException e) {
            problems.add(new Problem("", 0, 0, "is not valid YAML: " + e.getMessage(), "check the file's syntax"));
            return null;
        }
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }
}
