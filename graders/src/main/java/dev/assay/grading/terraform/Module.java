package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A module as Terraform would load it for a plan: the top-level blocks of its configuration files with the
 * override files merged in, its locals, and its variables' values from defaults and variable files.
 * {@code scope} evaluates expressions at its top level (one evaluation budget and one cache of locals for the
 * module). {@code refusal} says why Terraform would not load it (a duplicate, an override of nothing, a reference to
 * nothing, JSON configuration this grader does not read); {@code notes} say which files were read and skipped.
 */
public record Module(
        List<Block> blocks,
        Map<String, Attribute> locals,
        Map<String, Value> variables,
        List<VariableFiles.Assignment> assignments,
        List<String> notes,
        @Nullable String refusal,
        Scope scope) {

    public List<Block> all(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    public List<Block> resources(String type) {
        return blocks.stream()
                .filter(b -> b.type().equals("resource") && b.label(0).equals(type))
                .toList();
    }

    public Optional<Block> variable(String name) {
        return all("variable").stream().filter(v -> v.label(0).equals(name)).findFirst();
    }

    /** "aws_s3_bucket.site" for a resource block. */
    public static String address(Block block) {
        return block.label(0) + "." + block.label(1);
    }
}
