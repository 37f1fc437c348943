package dev.assay.grading.builtin;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Terraform module as parsed files: its blocks, and the lookups the terraform grader's rules make. */
record TerraformModule(List<Block> blocks) {
    private static final Pattern ENTRY_KEY = Pattern.compile("([A-Za-z_][\\w-]*|\"[^\"]+\")\\s*[=:]");
    private static final Pattern LOCAL = Pattern.compile("local\\.([A-Za-z_][\\w-]*)");

    static TerraformModule of(Map<String, String> files) {
        List<Block> blocks = new ArrayList<>();
        files.forEach((name, text) -> blocks.addAll(Hcl.parse(text, name).blocks()));
        return new TerraformModule(List.copyOf(blocks));
    }

    List<Block> resources(String type) {
        return blocks.stream()
                .filter(b -> b.type().equals("resource") && b.label(0).equals(type))
                .toList();
    }

    List<Block> all(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    /** "aws_s3_bucket.site" for a resource block. */
    static String address(Block block) {
        return block.label(0) + "." + block.label(1);
    }

    /**
     * The values at a dotted path in a body: attributes, keys of object values, nested blocks (any of several
     * with the same type); a path ending at a nested block yields the literal "block".
     */
    static List<String> values(Body body, List<String> path) {
        if (path.isEmpty()) {
            return List.of();
        }
        String head = path.get(0);
        List<String> rest = path.subList(1, path.size());
        List<String> found = new ArrayList<>();
        body.attribute(head).ifPresent(attribute -> found.addAll(valuesIn(attribute.value(), rest)));
        for (Block nested : body.blocks(head)) {
            if (rest.isEmpty()) {
                found.add("block");
            } else {
                found.addAll(values(nested.body(), rest));
            }
        }
        return found;
    }

    private static List<String> valuesIn(Expression expression, List<String> path) {
        if (path.isEmpty()) {
            return List.of(expression.text());
        }
        if (expression instanceof Expression.ObjectValue object
                && object.get(path.get(0)).isPresent()) {
            return valuesIn(object.get(path.get(0)).orElseThrow(), path.subList(1, path.size()));
        }
        if (expression instanceof Expression.Tuple tuple) {
            List<String> found = new ArrayList<>();
            tuple.items().forEach(item -> found.addAll(valuesIn(item, path)));
            return found;
        }
        return List.of();
    }

    /** Every attribute in a body and its nested blocks, with where it is. */
    static List<Hcl.Attribute> attributes(Body body) {
        List<Hcl.Attribute> all = new ArrayList<>(body.attributes());
        body.blocks().forEach(nested -> all.addAll(attributes(nested.body())));
        return all;
    }

    /** Whether anything in the block refers to a resource of that type ({@code aws_s3_bucket.site.id}). */
    static boolean references(Block block, String type) {
        Pattern reference = Pattern.compile("(?<![\\w.])" + Pattern.quote(type) + "\\.[A-Za-z_]");
        return attributes(block.body()).stream()
                .anyMatch(attribute ->
                        reference.matcher(source(attribute.value())).find());
    }

    private static String source(Expression expression) {
        return expression instanceof Expression.Literal literal ? literal.source() : expression.text();
    }

    /**
     * The keys a tags value sets: an object's keys; for anything else (merge(local.tags, {...}) and the like),
     * the keys written in it and those of the locals it names.
     */
    Set<String> tagKeys(Expression tags) {
        return tagKeys(tags, new LinkedHashSet<>());
    }

    private Set<String> tagKeys(Expression tags, Set<String> localsSeen) {
        Set<String> keys = new LinkedHashSet<>();
        if (tags instanceof Expression.ObjectValue object) {
            keys.addAll(object.keys());
            return keys;
        }
        Matcher key = ENTRY_KEY.matcher(tags.text());
        while (key.find()) {
            keys.add(key.group(1).replace("\"", ""));
        }
        Matcher local = LOCAL.matcher(tags.text());
        while (local.find()) {
            if (!localsSeen.add(local.group(1))) {
                continue;
            }
            for (Block locals : all("locals")) {
                locals.body()
                        .attribute(local.group(1))
                        .ifPresent(value -> keys.addAll(tagKeys(value.value(), localsSeen)));
            }
        }
        return keys;
    }
}
