package dev.assay.grading.actions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The state a script's reading carries: variables that hold a tainted value, which expression markers are tainted,
 * whether {@code set -x} is on, the functions the script defines, and the expression texts (to show commands as
 * written).
 */
final class ShellTaint {
    private final Set<String> vars;
    private final Set<Integer> markers;
    private final List<String> expressions;
    private final Set<String> functions = new HashSet<>();
    private final Set<String> files = new HashSet<>();
    private boolean xtrace;

    ShellTaint(Set<String> vars, Set<Integer> markers, List<String> expressions, boolean xtrace) {
        this.vars = new HashSet<>(vars);
        this.markers = markers;
        this.expressions = expressions;
        this.xtrace = xtrace;
    }

    Set<String> vars() {
        return vars;
    }

    Set<String> functions() {
        return functions;
    }

    /** Files the script wrote a tainted value to. */
    Set<String> files() {
        return files;
    }

    boolean xtrace() {
        return xtrace;
    }

    boolean any() {
        return !vars.isEmpty();
    }

    /** Whether text holds the marker of a tainted expression. */
    boolean marked(String text) {
        Matcher matcher = Templates.MARKER.matcher(text);
        while (matcher.find()) {
            if (markers.contains(Integer.parseInt(matcher.group(1)))) {
                return true;
            }
        }
        return false;
    }

    /** Follows {@code set -x}, {@code set -o xtrace} and their {@code +} forms. */
    void set(List<Shell.Word> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).text();
            boolean option = (a.equals("-o") || a.equals("+o")) && i + 1 < args.size();
            if (option && args.get(i + 1).text().equals("xtrace")) {
                xtrace = a.startsWith("-");
            } else if (a.matches("[-+][a-zA-Z]+") && a.contains("x")) {
                xtrace = a.startsWith("-");
            }
        }
    }

    /** A pipeline as written. */
    String show(List<Shell.Command> pipeline) {
        return show(String.join(" | ", pipeline.stream().map(this::show).toList()));
    }

    /** A command as written, with expressions shown as {@code ${{ ... }}}, cut to a readable length. */
    String show(Shell.Command command) {
        StringBuilder text = new StringBuilder();
        command.assignments().forEach(w -> text.append(w.raw()).append(' '));
        command.words().forEach(w -> text.append(w.raw()).append(' '));
        command.redirects()
                .forEach(r -> text.append(r.fd() >= 0 ? r.fd() : "")
                        .append(r.op())
                        .append(r.target().raw())
                        .append(' '));
        return show(text.toString());
    }

    private String show(String text) {
        String shown = Templates.MARKER
                .matcher(text.toString().strip())
                .replaceAll(m -> Matcher.quoteReplacement(expression(Integer.parseInt(m.group(1)))));
        return shown.length() > 120 ? shown.substring(0, 117) + "..." : shown;
    }

    private String expression(int n) {
        return n < expressions.size() ? "${{ " + expressions.get(n) + " }}" : "${{ ? }}";
    }
}
