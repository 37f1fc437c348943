package dev.assay.grading.hcl;

import java.util.List;
import java.util.Optional;

/**
 * A reader for HCL's native syntax, the one Terraform's {@code .tf} files are written in, that accepts and refuses
 * what HashiCorp's own parser does and reads the same syntax tree ({@link Expression}); nothing is evaluated. A
 * test holds it to HashiCorp's parser on a corpus (HclOracleTest).
 */
public final class Hcl {
    private Hcl() {}

    /** Parses one file; {@code file} names it in error messages. Throws {@link HclException} with where and what. */
    public static Body parse(String source, String file) {
        return new HclParser(HclLexer.tokens(source, file), source, file).file();
    }

    /** Parses a file's bytes: UTF-8, a leading byte order mark ignored; bytes that are not UTF-8 are refused. */
    public static Body parse(byte[] bytes, String file) {
        return parse(HclText.decode(bytes), file);
    }

    /** A body: its attributes in order, and its nested blocks in order. */
    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public Optional<Attribute> attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }

        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }
    }

    /** {@code name = expression}, on a line of a file. */
    public record Attribute(String name, Expression value, String file, int line) {}

    /** {@code type "label" ... { body }}, on a line of a file. */
    public record Block(String type, List<String> labels, Body body, String file, int line) {
        public String label(int index) {
            return index < labels.size() ? labels.get(index) : "";
        }
    }
}
