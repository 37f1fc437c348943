package dev.assay.grading.builtin;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads candidate documents (JSON or YAML) and looks values up by JSON pointer. Candidate text is hostile: YAML
 * aliases, nesting and size are capped, so a billion-laughs file or a deep nest fails fast instead of eating the
 * heap.
 */
final class Documents {
    private static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());

    private Documents() {}

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** The parsed document, or the reason it is not one. */
    sealed interface Parsed {
        record Document(JsonNode root) implements Parsed {}

        record Unreadable(String reason) implements Parsed {}
    }

    static Parsed json(String text) {
        return parse(JSON, text, "JSON");
    }

    /**
     * YAML through SnakeYAML's safe constructor (plain data only), so anchors and aliases resolve as YAML says,
     * with at most 20 aliases to collections: an alias bomb is refused before it expands.
     */
    static Parsed yaml(String text) {
        if (text.length() > MAX_BYTES) {
            return new Parsed.Unreadable("larger than " + MAX_BYTES + " characters");
        }
        try {
            Object loaded = new Yaml(new SafeConstructor(yamlLimits())).load(text);
            return loaded == null ? new Parsed.Unreadable("empty YAML") : new Parsed.Document(JSON.valueToTree(loaded));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Parsed.Unreadable("not valid YAML: " + firstLine(reason));
        }
    }

    private static Parsed parse(ObjectMapper mapper, String text, String kind) {
        if (text.length() > MAX_BYTES) {
            return new Parsed.Unreadable("larger than " + MAX_BYTES + " characters");
        }
        try {
            JsonNode root = mapper.readTree(text);
            return root == null || root.isMissingNode()
                    ? new Parsed.Unreadable("empty " + kind)
                    : new Parsed.Document(root);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Parsed.Unreadable("not valid " + kind + ": " + firstLine(reason));
        }
    }

    /**
     * Expects {@code expected} at {@code pointer} of a parsed document, observing what is there; an unreadable
     * document fails the expectation with its reason. {@code what} names the document in messages.
     */
    static void expectAt(
            dev.assay.grading.CheckResult.Builder check, Parsed parsed, String what, String pointer, String expected) {
        if (parsed instanceof Parsed.Unreadable unreadable) {
            check.expect(false, what + " is " + unreadable.reason());
            return;
        }
        Optional<String> value = at(((Parsed.Document) parsed).root(), pointer);
        check.observe(what + " " + pointer, value.orElse("(absent)"));
        check.expect(
                value.filter(expected::equals).isPresent(),
                what + " " + pointer + " is " + value.map(v -> "'" + v + "'").orElse("absent") + ", expected '"
                        + expected + "'");
    }

    /** The value at a JSON pointer: text for scalars, compact JSON for objects and arrays; empty if absent. */
    static Optional<String> at(JsonNode root, String pointer) {
        JsonNode node = root.at(JsonPointer.compile(pointer));
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
