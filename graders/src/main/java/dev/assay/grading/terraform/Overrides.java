package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.Hcl.Body;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's override merge: an override file's top-level block merges into the block with the same header
 * (type and labels; a provider's alias too): its arguments replace the same arguments, and its nested blocks of
 * a type (dynamic ones counted by the type they make) replace all of that type; a lifecycle block merges argument
 * by argument; locals override one by one. An override of something no file declares is an error.
 */
final class Overrides {
    private Overrides() {}

    /** Merges {@code override} into {@code blocks} (in place); returns what Terraform would refuse, or "". */
    static String merge(List<Block> blocks, Map<String, Attribute> locals, Block override) {
        if (override.type().equals("locals")) {
            for (Attribute local : override.body().attributes()) {
                if (!locals.containsKey(local.name())) {
                    return local.file() + ":" + local.line() + " overrides local." + local.name()
                            + ", which no other file declares";
                }
                locals.put(local.name(), local);
            }
            return "";
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (header(blocks.get(i)).equals(header(override))) {
                Block base = blocks.get(i);
                blocks.set(
                        i,
                        new Block(
                                base.type(),
                                base.labels(),
                                body(base.body(), override.body()),
                                base.file(),
                                base.line()));
                return "";
            }
        }
        if (override.type().equals("terraform")) {
            blocks.add(override);
            return "";
        }
        return override.file() + ":" + override.line() + " overrides " + header(override)
                + ", which no other file declares";
    }

    /** What makes two top-level blocks the same object: type and labels, and a provider's alias. */
    static String header(Block block) {
        String labels = String.join(".", block.labels());
        String name = block.type().equals("resource") ? labels : block.type() + (labels.isEmpty() ? "" : "." + labels);
        if (block.type().equals("provider")) {
            return name
                    + block.body()
                            .attribute("alias")
                            .map(a -> " (alias " + a.value().text() + ")")
                            .orElse("");
        }
        return name;
    }

    private static Body body(Body base, Body override) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        base.attributes().forEach(a -> attributes.put(a.name(), a));
        override.attributes().forEach(a -> attributes.put(a.name(), a));
        Set<String> replaced = new HashSet<>();
        override.blocks().forEach(b -> replaced.add(made(b)));
        List<Block> blocks = new ArrayList<>();
        for (Block nested : base.blocks()) {
            if (nested.type().equals("lifecycle") && replaced.contains("lifecycle")) {
                continue;
            }
            if (!replaced.contains(made(nested))) {
                blocks.add(nested);
            }
        }
        for (Block nested : override.blocks()) {
            if (nested.type().equals("lifecycle")) {
                Body merged = base.blocks("lifecycle").stream()
                        .map(Block::body)
                        .reduce(nested.body(), (over, under) -> body(under, over));
                blocks.add(new Block("lifecycle", List.of(), merged, nested.file(), nested.line()));
            } else {
                blocks.add(nested);
            }
        }
        return new Body(List.copyOf(attributes.values()), List.copyOf(blocks));
    }

    /** The type of block a nested block makes: its own, or a dynamic block's label. */
    private static String made(Block nested) {
        return nested.type().equals("dynamic") ? nested.label(0) : nested.type();
    }
}
