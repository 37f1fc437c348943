package dev.assay.grading.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An HCL expression as written, never evaluated: the syntax tree HashiCorp's parser builds, one record per kind
 * of node. {@link #source()} is the expression's text as written in the file.
 */
public sealed interface Expression {
    /** The expression as written. */
    String source();

    /** The expression as comparable text: a literal's value, else its source. */
    default String text() {
        return source();
    }

    /** A number, bool, null, or a literal part of a template; {@code value} is BigDecimal, String, Boolean or null. */
    record Literal(@Nullable Object value, String source) implements Expression {
        @Override
        public String text() {
            return value == null ? "null" : value instanceof BigDecimal n ? n.toPlainString() : value.toString();
        }
    }

    /**
     * A quoted string or heredoc: its parts (literal strings, interpolated expressions, and for/if directives as
     * {@link TemplateFor} and {@link Conditional}). {@code wrap} is true for {@code "${x}"} alone.
     */
    record Template(List<Expression> parts, boolean wrap, String source) implements Expression {
        /** The string, when every part is literal. */
        public Optional<String> literal() {
            StringBuilder text = new StringBuilder();
            for (Expression part : parts) {
                if (!(part instanceof Literal literal && literal.value() instanceof String s)) {
                    return Optional.empty();
                }
                text.append(s);
            }
            return Optional.of(text.toString());
        }

        @Override
        public String text() {
            return literal().orElse(source);
        }
    }

    /** A step of a traversal: {@code .name}, or {@code [key]} with a literal key (also {@code .0}). */
    sealed interface Step permits Attr, Key {}

    record Attr(String name) implements Step {}

    record Key(@Nullable Object value) implements Step {}

    /** {@code var.region}, {@code aws_s3_bucket.site.id}, {@code var.list[0]}: a root name and literal steps. */
    record Reference(String root, List<Step> steps, String source) implements Expression {}

    /** Literal steps after something other than a name: {@code f(x).id}, {@code [1, 2][0]}. */
    record Relative(Expression from, List<Step> steps, String source) implements Expression {}

    /** {@code collection[key]} with a key that is not a literal. */
    record Index(Expression collection, Expression key, String source) implements Expression {}

    /** {@code list[*].name} or {@code list.*.name}: {@code each} is applied to every item ({@link SplatItem}). */
    record Splat(Expression from, Expression each, String source) implements Expression {}

    /** The item a splat's {@code each} is applied to. */
    record SplatItem(String source) implements Expression {}

    record Tuple(List<Expression> items, String source) implements Expression {}

    /** {@code { key = value }}, entries in order; duplicate keys are kept as written. */
    record ObjectValue(List<Entry> entries, String source) implements Expression {
        /** The keys written as names or literal strings. */
        public List<String> keys() {
            return entries.stream().flatMap(e -> e.name().stream()).toList();
        }

        /** The value of the last entry with that key, as Terraform keeps. */
        public Optional<Expression> get(String key) {
            Expression found = null;
            for (Entry entry : entries) {
                if (entry.name().filter(key::equals).isPresent()) {
                    found = entry.value();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /** An object's entry; {@code bare} is true for a key written as a single name ({@code Name = ...}). */
    record Entry(Expression key, boolean bare, Expression value) {
        /** The key as a string, when it is a bare name or a literal. */
        public Optional<String> name() {
            if (bare && key instanceof Reference reference) {
                return Optional.of(reference.root());
            }
            if (key instanceof Template template) {
                return template.literal();
            }
            if (key instanceof Literal literal && literal.value() != null) {
                return Optional.of(literal.text());
            }
            return Optional.empty();
        }
    }

    record Call(String name, List<Expression> arguments, boolean expandLast, String source) implements Expression {}

    /** A binary operator ({@code + - * / % == != < <= > >= && ||}) or a unary one ({@code !}, or {@code neg}). */
    record Operation(String operator, List<Expression> operands, String source) implements Expression {}

    record Conditional(Expression condition, Expression then, Expression otherwise, String source)
            implements Expression {}

    /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}. */
    record For(
            String keyVariable,
            String valueVariable,
            Expression collection,
            @Nullable Expression key,
            Expression value,
            @Nullable Expression condition,
            boolean group,
            String source)
            implements Expression {}

    /** A {@code %{for}} directive inside a template: the strings its body makes, joined. */
    record TemplateFor(For loop, String source) implements Expression {}

    record Parentheses(Expression inner, String source) implements Expression {}
}
