package dev.assay.grading.builtin;

import dev.assay.grading.CommandResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What our git printed about a clone of the candidate's repository (git-facts.sh): facts by name, each a list of
 * tab-separated values, and a file's content after a line "---".
 */
record GitFacts(Map<String, List<List<String>>> byName, String content) {
    private static final List<String> SCRIPTS = List.of("git-facts.sh", "git-change.sh", "git-secret.py");
    private static final List<String> ARGUMENTS =
            List.of("branch", "tag", "from", "subject", "commit", "base", "path", "secret");

    /** Runs the fact finder in a sandbox on the git directory's tar. */
    static GitFacts find(LabView lab, FileResult.Content tree, String expect, Map<String, Object> parameters) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("repo.tar", tree.bytes());
        for (String script : SCRIPTS) {
            files.put(script, resource(script));
        }
        for (String name : ARGUMENTS) {
            Object value = parameters.get(name);
            if (value != null) {
                files.put(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (Text.flag(parameters, "only", false)) {
            files.put("only", "true".getBytes(StandardCharsets.UTF_8));
        }
        CommandResult result = lab.inSandbox(files, List.of("bash", "git-facts.sh", expect), lab.timeLeft());
        if (result.exitCode() == 126 || result.exitCode() == 127) {
            throw new LabUnavailableException(
                    "bash, git or python3 is missing from the sandbox image",
                    new IllegalStateException(result.stderr()));
        }
        if (result.timedOut() || result.exitCode() == 137) {
            // Our git ran out of the sandbox's memory or the check's time on the candidate's own data (a
            // decompression bomb, say): that is the repository's doing, so it fails, with the reason shown.
            return parse("error\tthe repository is too large or too slow to read within the grading sandbox's"
                    + " limits (256 MiB, the check's timeout)\n");
        }
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new LabUnavailableException(
                    "our git could not finish reading the repository (exit " + result.exitCode() + "): "
                            + Text.excerpt(result.stderr()),
                    new IllegalStateException(result.stderr()));
        }
        return parse(result.stdout());
    }

    private static byte[] resource(String name) {
        try (InputStream in = GitFacts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the graders jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GitFacts parse(String output) {
        Map<String, List<List<String>>> byName = new HashMap<>();
        int body = output.indexOf("\n---\n");
        String head = body < 0 ? output : output.substring(0, body);
        for (String line : head.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = List.of(line.split("\t", -1));
            byName.computeIfAbsent(fields.get(0), k -> new ArrayList<>()).add(fields.subList(1, fields.size()));
        }
        return new GitFacts(byName, body < 0 ? "" : output.substring(body + 5));
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Whether the fact was found and is not "-" (the script's word for none). */
    boolean present(String name) {
        return has(name) && !"-".equals(first(name));
    }

    List<List<String>> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The first value of the first line of that name, or "-". */
    String first(String name) {
        List<List<String>> lines = all(name);
        return lines.isEmpty() || lines.get(0).isEmpty() ? "-" : lines.get(0).get(0);
    }

    /** The values of the first line of that name after the first, joined by a space. */
    String rest(String name) {
        List<List<String>> lines = all(name);
        return lines.isEmpty() || lines.get(0).size() < 2
                ? ""
                : String.join(" ", lines.get(0).subList(1, lines.get(0).size()));
    }

    /** Value {@code index} of a fact's line, or "" when the line is shorter. */
    static String field(List<String> line, int index) {
        return line.size() > index ? line.get(index) : "";
    }
}
