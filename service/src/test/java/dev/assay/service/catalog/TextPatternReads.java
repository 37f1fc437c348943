package dev.assay.service.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the text patterns a check's shell command runs over a candidate's files: grep, awk or sed naming a file under
 * /etc, /root, /srv, /home, /opt, /var or /usr/local (in the lab, or through the probe's /proc/1/root), in a command
 * that runs no real tool, so that the pattern alone is the judgement. A pattern over a tool's output (piped, or in
 * a run that starts the tool) is not one; nor are words in comments, quoted text or here-documents (our programs
 * and messages). A reading of shell, not a parser: it errs towards finding nothing.
 */
final class TextPatternReads {
    private static final Set<String> PATTERNS = Set.of("grep", "egrep", "fgrep", "awk", "gawk", "mawk", "sed");

    /** Commands that only read, move or print text and files, and the shell's own words: none judges a format. */
    private static final Set<String> NOT_TOOLS = Set.of(
            "Q", // quoted text in a command's place
            "V", // an expansion
            "cat",
            "cut",
            "tr",
            "head",
            "tail",
            "sort",
            "uniq",
            "wc",
            "comm",
            "paste",
            "tee",
            "stat",
            "ls",
            "readlink",
            "realpath",
            "dirname",
            "basename",
            "find",
            "test",
            "[",
            "echo",
            "printf",
            "set",
            "exit",
            "return",
            "local",
            "shift",
            "export",
            "true",
            "false",
            ":",
            "read",
            "break",
            "continue",
            "unset",
            "for",
            "case",
            "esac",
            "fi",
            "done",
            "in",
            "sha256sum",
            "md5sum",
            "cmp",
            "sleep",
            "date",
            "cd",
            "mkdir",
            "rm",
            "chmod");

    /** Commands that print a file as it is: a pattern over their output is a pattern over the file. */
    private static final Set<String> PRINTERS = Set.of("cat", "head", "tail");

    /** Words before a command that do not name it. */
    private static final Set<String> PREFIXES =
            Set.of("if", "then", "elif", "else", "do", "while", "until", "!", "exec", "command");

    private static final Pattern ROOTS = Pattern.compile("/(etc|root|srv|home|opt|var|usr/local)(/.*)?");
    private static final Pattern ASSIGNED_PATH = Pattern.compile("(?m)^\\s*(\\w+)=(/\\S*)\\s*$");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*([A-Za-z_][\\w-]*)\\s*\\(\\)");
    private static final Pattern SEPARATORS = Pattern.compile("\n|;|&&|\\|\\||\\||\\$\\(|`|\\(|\\)|\\{|\\}");
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9_.+/\\[:-]+");

    private TextPatternReads() {}

    /** Each pattern over a candidate's file ("awk /etc/passwd"), or nothing when the run also runs a real tool. */
    static List<String> in(String run) {
        String code = ShellCode.of(run);
        Map<String, String> paths = new HashMap<>();
        Matcher assigned = ASSIGNED_PATH.matcher(code);
        while (assigned.find()) {
            paths.put(assigned.group(1), assigned.group(2));
        }
        Set<String> functions = new HashSet<>();
        Matcher function = FUNCTION.matcher(code);
        while (function.find()) {
            functions.add(function.group(1));
        }
        List<String> reads = new ArrayList<>();
        boolean tool = false;
        List<String> piped = List.of(); // files the command before a pipe printed (cat, head, tail)
        Matcher separator = SEPARATORS.matcher(code);
        int from = 0;
        while (from <= code.length()) {
            boolean more = separator.find();
            int to = more ? separator.start() : code.length();
            List<String> words = command(code.substring(from, to));
            List<String> files = words.stream()
                    .skip(1)
                    .map(word -> candidatePath(word, paths))
                    .filter(path -> ROOTS.matcher(path).matches())
                    .toList();
            String name =
                    words.isEmpty() ? "" : words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
            if (PATTERNS.contains(name)) {
                files.forEach(file -> reads.add(name + " " + file));
                piped.forEach(file -> reads.add(name + " " + file + " (piped)"));
            } else if (!name.isEmpty() && !NOT_TOOLS.contains(name) && !functions.contains(name)) {
                tool = true;
            }
            boolean pipe = more && separator.group().equals("|");
            piped = pipe && PRINTERS.contains(name) ? files : words.isEmpty() && pipe ? piped : List.of();
            from = more ? separator.end() : code.length() + 1;
        }
        return tool ? List.of() : reads;
    }

    /** The command's words from its name on, or nothing when the segment names no command we can read. */
    private static List<String> command(String segment) {
        List<String> words = new ArrayList<>(List.of(segment.trim().split("\\s+")));
        while (!words.isEmpty()
                && (words.get(0).isEmpty()
                        || PREFIXES.contains(words.get(0))
                        || words.get(0).matches("\\w+=\\S*"))) {
            words.remove(0);
        }
        if (words.isEmpty()) {
            return List.of();
        }
        String name = words.get(0);
        if (name.startsWith("$")) {
            return List.of("$variable"); // a command we cannot name: counted as a tool
        }
        return COMMAND_NAME.matcher(name).matches() ? words : List.of();
    }

    /** A word as a path of the lab: variables holding a path put in, the probe's /proc/1/root taken off. */
    private static String candidatePath(String word, Map<String, String> paths) {
        Matcher variable = Pattern.compile("^\\$\\{?(\\w+)\\}?").matcher(word);
        String path = variable.find() && paths.containsKey(variable.group(1))
                ? paths.get(variable.group(1)) + word.substring(variable.end())
                : word;
        return path.startsWith("/proc/1/root/") ? path.substring("/proc/1/root".length()) : path;
    }
}
