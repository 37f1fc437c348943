package dev.assay.grading.actions;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An expression of GitHub Actions' expression language (the text inside {@code ${{ }}}), parsed. */
public sealed interface Expr {

    /** A string, number, boolean or null literal. */
    record Literal(@Nullable Object value) implements Expr {}

    /**
     * A context path such as {@code github.event.commits[0].message}: segments lower-cased (contexts are
     * case-insensitive), {@code *} for an object filter or an index that is not a literal string.
     */
    record Path(List<String> segments) implements Expr {
        public String text() {
            return String.join(".", segments);
        }
    }

    /** A function call; {@code name} lower-cased. A property of a call's result is a call of {@code .}. */
    record Call(String name, List<Expr> args) implements Expr {}

    record Not(Expr operand) implements Expr {}

    /** {@code ==, !=, <, <=, >, >=, &&, ||}. */
    record Binary(String op, Expr left, Expr right) implements Expr {}
}
