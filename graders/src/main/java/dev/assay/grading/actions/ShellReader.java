package dev.assay.grading.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a script into {@link Shell.Statement}s: the grader's view of what a POSIX shell or bash would run, good for
 * following values through commands, not a full shell grammar (see {@link Shell}).
 */
final class ShellReader {
    static final int MAX_DEPTH = 8;
    static final int MAX_LENGTH = 1 << 16;
    private static final Set<String> SKIPPED = Set.of("then", "else", "do", "{", "time", "fi", "done", "esac", "}");
    private static final Set<String> CONDITIONS = Set.of("if", "elif", "while", "until");

    private final String s;
    private final int depth;
    private int i;
    private final List<Shell.Statement> statements = new ArrayList<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Heredocs heredocs;
    private int functionBraces = -1;
    private int braces;

    private ShellReader(String s, int depth) {
        this.s = s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
        this.depth = depth;
        this.heredocs = new Heredocs(this.s, depth);
    }

    static Shell.Script read(String script, int depth) {
        ShellReader reader = new ShellReader(script, depth);
        while (reader.i < reader.s.length()) {
            int before = reader.i;
            reader.statement();
            if (reader.i == before) {
                reader.i++;
            }
        }
        return new Shell.Script(List.copyOf(reader.statements), Set.copyOf(reader.functions));
    }

    /** An and-or list up to its terminator. */
    private void statement() {
        List<Shell.Pipeline> pipelines = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        Flags flags = new Flags();
        while (true) {
            Shell.Pipeline pipeline = pipeline(flags);
            if (!pipeline.commands().isEmpty()) {
                pipelines.add(pipeline);
            }
            blanks();
            if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                if (!pipeline.commands().isEmpty()) {
                    operators.add(s.substring(i, i + 2));
                }
                i += 2;
                continue;
            }
            break;
        }
        boolean background = terminator();
        while (operators.size() >= pipelines.size() && !operators.isEmpty()) {
            operators.remove(operators.size() - 1);
        }
        if (!pipelines.isEmpty()) {
            statements.add(new Shell.Statement(
                    List.copyOf(pipelines),
                    List.copyOf(operators),
                    background,
                    flags.condition,
                    functionBraces >= 0,
                    flags.keyword));
        }
    }

    /** Consumes what ends a statement; true for a trailing {@code &}. */
    private boolean terminator() {
        blanks();
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '\n') {
            i = heredocs.afterNewline(i);
            return false;
        }
        if (c == '#') {
            int end = s.indexOf('\n', i);
            i = end < 0 ? s.length() : end;
            return false;
        }
        if (c == '&') {
            i++;
            return true;
        }
        if (c == ';' || c == '(' || c == ')') {
            i += s.startsWith(";;", i) ? 2 : 1;
        }
        return false;
    }

    private Shell.Pipeline pipeline(Flags flags) {
        List<Shell.Command> commands = new ArrayList<>();
        boolean negated = false;
        while (true) {
            blanks();
            if (s.startsWith("!", i) && (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                negated = true;
                i++;
                continue;
            }
            Shell.Command command = command(flags);
            if (!command.words().isEmpty()
                    || !command.assignments().isEmpty()
                    || !command.redirects().isEmpty()) {
                commands.add(command);
            }
            blanks();
            if (s.startsWith("|", i) && !s.startsWith("||", i)) {
                i += s.startsWith("|&", i) ? 2 : 1;
                continue;
            }
            return new Shell.Pipeline(List.copyOf(commands), negated);
        }
    }

    private Shell.Command command(Flags flags) {
        List<Shell.Word> assignments = new ArrayList<>();
        List<Shell.Word> words = new ArrayList<>();
        List<Shell.Redirect> redirects = new ArrayList<>();
        while (true) {
            blanks();
            if (i >= s.length()) {
                break;
            }
            char c = s.charAt(i);
            if (c == '#') {
                break;
            }
            int redirect = Redirects.opLength(s, i);
            if (redirect > 0) {
                redirects.add(redirect(redirect));
                continue;
            }
            if (ShellWords.OPERATORS.indexOf(c) >= 0 || c == '\n') {
                if (c == '(' && words.size() == 1 && s.startsWith("()", i)) {
                    function(words.get(0).text());
                    words.clear();
                }
                break;
            }
            ShellWords.Read read = ShellWords.word(s, i, depth);
            i = read.end();
            if (!keyword(read.word(), words, assignments, flags)) {
                (words.isEmpty() && isAssignment(read.word().raw()) ? assignments : words).add(read.word());
            }
        }
        return new Shell.Command(List.copyOf(assignments), List.copyOf(words), List.copyOf(redirects));
    }

    /** Handles a reserved word at the start of a command; true when the word is consumed. */
    private boolean keyword(Shell.Word word, List<Shell.Word> words, List<Shell.Word> assignments, Flags flags) {
        if (!words.isEmpty() || !assignments.isEmpty() || !word.raw().equals(word.text())) {
            return flags.keyword.equals("case") && word.text().equals("in");
        }
        String w = word.text();
        if (CONDITIONS.contains(w)) {
            flags.condition = true;
            return true;
        }
        if (w.equals("{")) {
            braces++;
        } else if (w.equals("}") && --braces == functionBraces) {
            functionBraces = -1;
        }
        if (w.equals("function")) {
            blanks();
            ShellWords.Read name = ShellWords.word(s, i, depth);
            i = name.end();
            function(name.word().text());
            return true;
        }
        if (w.equals("for") || w.equals("case") || w.equals("select")) {
            flags.keyword = w;
            words.add(word);
            return true;
        }
        return SKIPPED.contains(w);
    }

    private void function(String name) {
        functions.add(name);
        if (s.startsWith("()", i)) {
            i += 2;
        }
        functionBraces = braces;
    }

    private Shell.Redirect redirect(int length) {
        String op = s.substring(i, i + length);
        i += length;
        int fd = Character.isDigit(op.charAt(0)) ? op.charAt(0) - '0' : -1;
        String bare = fd >= 0 ? op.substring(1) : op;
        blanks();
        ShellWords.Read target = ShellWords.word(s, i, depth);
        i = target.end();
        Shell.Heredoc heredoc = null;
        if (bare.equals("<<") || bare.equals("<<-")) {
            heredoc = heredocs.body(i, target.word(), bare.equals("<<-"));
        } else if (bare.equals("<<<")) {
            Shell.Word w = target.word();
            heredoc = new Shell.Heredoc(w.text(), w.vars(), w.substitutions());
        }
        return new Shell.Redirect(bare, fd, target.word(), heredoc);
    }

    private void blanks() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else {
                return;
            }
        }
    }

    static boolean isAssignment(String raw) {
        int eq = raw.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String name = raw.endsWith("+=") || raw.charAt(eq - 1) == '+' ? raw.substring(0, eq - 1) : raw.substring(0, eq);
        return name.matches("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?");
    }

    /** Per statement: whether it is a condition, and the compound keyword it came with. */
    private static final class Flags {
        boolean condition;
        String keyword = "";
    }
}
