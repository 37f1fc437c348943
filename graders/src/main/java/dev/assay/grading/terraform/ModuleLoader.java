package dev.assay.grading.terraform;

import dev.assay.grading.hcl.Expression;
import dev.assay.grading.hcl.Hcl;
import dev.assay.grading.hcl.Hcl.Attribute;
import dev.assay.grading.hcl.Hcl.Block;
import dev.assay.grading.hcl.HclException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a module's directory as Terraform does (the files {@link FileKind} says it reads), then checks what
 * Terraform would check before planning: one declaration per object, overrides of declared objects only,
 * references to declared objects only ({@link Declarations}). Throws {@link HclException} when a file does not
 * parse.
 */
public final class ModuleLoader {
    private ModuleLoader() {}

    /**
     * {@code files}: the module directory's top-level files by name; {@code whole} false when they are only part of
     * it (one file a check names), so that names declared elsewhere are not held against it.
     */
    public static Module load(Map<String, byte[]> files, boolean whole) {
        Map<FileKind, List<String>> kinds = new TreeMap<>();
        new TreeMap<>(files)
                .keySet()
                .forEach(name -> kinds.computeIfAbsent(FileKind.of(name), k -> new ArrayList<>())
                        .add(name));
        List<String> notes = new ArrayList<>();
        note(notes, "read", kinds.getOrDefault(FileKind.CONFIGURATION, List.of()));
        note(notes, "overrides merged", kinds.getOrDefault(FileKind.OVERRIDE, List.of()));
        note(notes, "skipped, as Terraform skips them", kinds.getOrDefault(FileKind.SKIPPED, List.of()));
        List<Block> blocks = new ArrayList<>();
        Map<String, Attribute> locals = new LinkedHashMap<>();
        String refusal = "";
        for (String name : kinds.getOrDefault(FileKind.CONFIGURATION, List.of())) {
            for (Block block :
                    Hcl.parse(files.getOrDefault(name, new byte[0]), name).blocks()) {
                refusal = first(refusal, add(blocks, locals, block));
            }
        }
        for (String name : kinds.getOrDefault(FileKind.OVERRIDE, List.of())) {
            for (Block block :
                    Hcl.parse(files.getOrDefault(name, new byte[0]), name).blocks()) {
                refusal = first(refusal, Overrides.merge(blocks, locals, block));
            }
        }
        List<String> json = kinds.getOrDefault(FileKind.JSON_CONFIGURATION, List.of());
        if (!json.isEmpty()) {
            refusal = first(
                    refusal,
                    String.join(", ", json) + ": JSON configuration, which Terraform reads but this"
                            + " grader does not, so nothing here can be judged");
        }
        List<VariableFiles.Assignment> assignments = VariableFiles.read(files);
        note(notes, "variable values from", VariableFiles.order(files.keySet()));
        Map<String, Value> variables = VariableFiles.values(
                blocks.stream().filter(b -> b.type().equals("variable")).toList(), assignments);
        Map<String, Expression> expressions = new LinkedHashMap<>();
        locals.forEach((name, local) -> expressions.put(name, local.value()));
        Scope scope = new Scope(variables, expressions);
        Module module = new Module(List.copyOf(blocks), Map.copyOf(locals), variables, assignments, notes, null, scope);
        if (whole) {
            refusal = first(refusal, Declarations.undeclared(module));
        }
        return refusal.isEmpty()
                ? module
                : new Module(module.blocks(), module.locals(), variables, assignments, notes, refusal, scope);
    }

    private static void note(List<String> notes, String what, List<String> names) {
        if (!names.isEmpty()) {
            notes.add(what + ": " + String.join(", ", names));
        }
    }

    private static String first(String refusal, String next) {
        return refusal.isEmpty() ? next : refusal;
    }

    /** Adds a block of a configuration file; "" or why Terraform would refuse it (declared twice). */
    private static String add(List<Block> blocks, Map<String, Attribute> locals, Block block) {
        if (block.type().equals("locals")) {
            for (Attribute local : block.body().attributes()) {
                Attribute before = locals.putIfAbsent(local.name(), local);
                if (before != null) {
                    return "local." + local.name() + " is declared twice (" + where(before) + ", " + where(local) + ")";
                }
            }
            return "";
        }
        if (List.of("resource", "data", "variable", "output", "module", "provider")
                .contains(block.type())) {
            String header = Overrides.header(block);
            for (Block other : blocks) {
                if (other.type().equals(block.type()) && Overrides.header(other).equals(header)) {
                    blocks.add(block);
                    return header + " is declared twice (" + other.file() + ":" + other.line() + ", " + block.file()
                            + ":" + block.line() + ")";
                }
            }
        }
        blocks.add(block);
        return "";
    }

    private static String where(Attribute attribute) {
        return attribute.file() + ":" + attribute.line();
    }
}
