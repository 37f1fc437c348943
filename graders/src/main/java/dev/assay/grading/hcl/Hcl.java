package dev.assay.grading.hcl;

import java.util.List;
import java.util.Map;

/**
 * A reader for the HCL native syntax Terraform uses, enough to judge a module without running Terraform: bodies
 * of attributes and blocks, and expressions as literals, templates, references, tuples, objects, or (for calls,
 * operators, conditionals and for-expressions) their source text. Nothing is evaluated.
 */
public final class Hcl {
    private Hcl() {}

    /** Parses one file; {@code file} names it in error messages. */
    public static Body parse(String source, String file) {
        return new HclParser(HclLexer.tokens(source, file), source, file).file();
    }

    /** A body: its attributes in order, and its nested blocks in order. */
    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public java.util.Optional<Attribute> attribute(String name) {
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

    /** An expression, unevaluated. */
    public sealed interface Expression {
        /** The expression as comparable text: a literal's value, else its source text. */
        String text();
    }

    /** A string, number, bool or null written out; {@code value} is String, java.math.BigDecimal, Boolean or null. */
    public record Literal(@org.jspecify.annotations.Nullable Object value, String source) implements Expression {
        @Override
        public String text() {
            return value == null
                    ? "null"
                    : value instanceof java.math.BigDecimal n ? n.toPlainString() : value.toString();
        }
    }

    /** A string with interpolations ({@code "${var.name}-logs"}), as written between the quotes. */
    public record Template(String source) implements Expression {
        @Override
        public String text() {
            return source;
        }
    }

    /** A traversal such as {@code var.region} or {@code aws_s3_bucket.site.id}, as written. */
    public record Reference(String source) implements Expression {
        @Override
        public String text() {
            return source;
        }
    }

    /** {@code [a, b]}. */
    public record Tuple(List<Expression> items, String source) implements Expression {
        @Override
        public String text() {
            return source;
        }
    }

    /** {@code { key = value }}; keys as written (quotes dropped). */
    public record ObjectValue(Map<String, Expression> entries, String source) implements Expression {
        @Override
        public String text() {
            return source;
        }
    }

    /** Anything else: function calls, operators, conditionals, for-expressions, splats, as written. */
    public record Other(String source) implements Expression {
        @Override
        public String text() {
            return source;
        }
    }
}
