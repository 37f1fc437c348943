package dev.assay.grading.actions;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A shell script as the grader reads it: statements (and-or lists of pipelines of simple commands) in order, with
 * each word's expansions. Compound commands are flattened: their keywords are dropped and the commands inside are
 * statements of their own, flagged when they are a condition ({@code if}, {@code while}, {@code until}) or in a
 * function body.
 */
public final class Shell {
    private Shell() {}

    /**
     * A variable expanded in a word; {@code value} is false for {@code ${#X}} (its length only); an indirect
     * expansion {@code ${!X}} is named {@code !X}.
     */
    public record Var(String name, boolean value) {}

    /**
     * A word: as written ({@code raw}, quotes and all), its text with quotes removed (expansions left as written),
     * the variables it expands and the scripts of its command substitutions.
     */
    public record Word(String raw, String text, List<Var> vars, List<Script> substitutions) {}

    /** A here-document's body (or a here-string), with what it expands when its delimiter is unquoted. */
    public record Heredoc(String body, List<Var> vars, List<Script> substitutions) {}

    /** {@code op} such as {@code >}, {@code >>}, {@code >&}, {@code <<}, {@code <<<}; {@code fd} -1 when not given. */
    public record Redirect(
            String op, int fd, Word target, @Nullable Heredoc heredoc) {
        /** Whether it sends standard output somewhere (a file, or another descriptor). */
        public boolean stdout() {
            boolean output = op.startsWith(">") || op.startsWith("&>");
            return output && (fd == -1 || fd == 1 || op.startsWith("&>"));
        }
    }

    public record Command(List<Word> assignments, List<Word> words, List<Redirect> redirects) {
        public String name() {
            return words.isEmpty() ? "" : words.get(0).text();
        }

        public List<Word> args() {
            return words.isEmpty() ? List.of() : words.subList(1, words.size());
        }
    }

    public record Pipeline(List<Command> commands, boolean negated) {}

    /**
     * One and-or list: pipelines joined by {@code operators} ({@code &&} or {@code ||}, one fewer than
     * pipelines). {@code keyword} is the compound keyword it came with ({@code for}, {@code case}) or "".
     */
    public record Statement(
            List<Pipeline> pipelines,
            List<String> operators,
            boolean background,
            boolean condition,
            boolean inFunction,
            String keyword) {}

    public record Script(List<Statement> statements, Set<String> functions) {}
}
