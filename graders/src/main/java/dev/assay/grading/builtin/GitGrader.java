package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.Evidence;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabUnavailableException;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a candidate's git repository without trusting the lab's git: the repository directory is read through
 * the engine's archive API and handed to our git in a sandbox, where a script of ours ({@code git-facts.sh})
 * first drops everything in it that could run code or bend history (config, hooks, grafts, shallow list,
 * alternates, replace refs) and then prints facts; this class turns the facts into a verdict.
 */
public final class GitGrader extends BuiltinGrader {
    /** Default cap on the repository's files, summed. */
    static final long MAX_BYTES = 32L << 20;

    private static final Set<String> EXPECTATIONS =
            Set.of("branch", "contains", "reverted", "cherry-picked", "merged", "file", "secret-absent");
    private static final Map<String, List<String>> NEEDS = Map.of(
            "branch", List.of("branch"),
            "contains", List.of("branch", "subject"),
            "reverted", List.of("branch", "subject"),
            "cherry-picked", List.of("branch", "from", "subject"),
            "merged", List.of("branch", "from"),
            "file", List.of("branch", "path"),
            "secret-absent", List.of("secret"));
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("repo", Type.STRING, "the repository in the lab: a working tree with .git, or a bare one")
            .oneOf("expect", true, EXPECTATIONS, "what must hold of the repository (see graders/README.md)")
            .optional("branch", Type.STRING, "the branch it is about, such as main or release/1.4")
            .optional("from", Type.STRING, "the branch the commit or merge comes from (cherry-picked, merged)")
            .optional(
                    "subject",
                    Type.STRING,
                    "a commit's exact subject line (reverted, cherry-picked); a regular expression for contains")
            .optional("path", Type.STRING, "a file in the branch's tip, relative to the repository root (file)")
            .optional("content", Type.REGEX, "a regular expression that file's content must match (file)")
            .optional("secret", Type.STRING, "text no ref of the repository may reach, 6 characters or more")
            .optional("maxBytes", Type.INTEGER, "refuse repositories larger than this (default 32 MiB)")
            .rule(GitGrader::problems)
            .build();

    public GitGrader() {
        super(
                "git",
                "1",
                "branches, commits, reverts, cherry-picks, merges and what history holds, read by our git in a sandbox",
                PARAMETERS);
    }

    private static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        String repo = String.valueOf(values.get("repo"));
        if (!repo.startsWith("/") || repo.contains("..")) {
            problems.add(new Problem("repo", "must be an absolute path without .."));
        }
        for (String needed : NEEDS.getOrDefault(String.valueOf(values.get("expect")), List.of())) {
            if (!values.containsKey(needed)) {
                problems.add(new Problem(needed, "is needed for expect: " + values.get("expect")));
            }
        }
        for (String name : List.of("branch", "from")) {
            Object branch = values.get(name);
            if (branch != null
                    && (!BRANCH.matcher(String.valueOf(branch)).matches()
                            || String.valueOf(branch).contains("..")
                            || String.valueOf(branch).endsWith(".lock"))) {
                problems.add(new Problem(name, "is not a plain branch name such as main or release/1.4"));
            }
        }
        Object path = values.get("path");
        if (path != null
                && (String.valueOf(path).startsWith("/") || String.valueOf(path).contains(".."))) {
            problems.add(new Problem("path", "must be relative to the repository root, without .."));
        }
        Object secret = values.get("secret");
        if (secret != null && String.valueOf(secret).strip().length() < 6) {
            problems.add(new Problem("secret", "must be at least 6 characters, or it matches by chance"));
        }
        if ("contains".equals(values.get("expect")) && values.get("subject") instanceof String regex) {
            try {
                Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.add(new Problem("subject", "is not a regular expression: " + e.getDescription()));
            }
        }
        return problems;
    }

    @Override
    public CheckResult grade(LabView lab, Map<String, Object> parameters) {
        String expect = Text.string(parameters, "expect", "branch");
        String repo = Text.string(parameters, "repo", "");
        CheckResult.Builder check = CheckResult.builder(true).observe("repository", repo);
        FileResult.Content tree = repository(lab, repo, Text.number(parameters, "maxBytes", MAX_BYTES), check);
        if (tree == null) {
            return check.build();
        }
        Facts facts = facts(lab, tree, expect, parameters);
        if (facts.has("error")) {
            return check.expect(false, "the repository cannot be read: " + facts.first("error"))
                    .build();
        }
        String branch = Text.string(parameters, "branch", "");
        if (!"secret-absent".equals(expect) && !facts.present("tip")) {
            return check.observe("branch " + branch, "missing")
                    .expect(false, "there is no branch " + branch)
                    .build();
        }
        check.observe("branch " + branch, facts.first("tip"));
        return switch (expect) {
            case "branch" -> check.success("branch " + branch + " exists").build();
            case "contains" -> GitVerdicts.contains(check, facts, branch, Text.string(parameters, "subject", ""));
            case "reverted" -> GitVerdicts.reverted(check, facts, branch, Text.string(parameters, "subject", ""));
            case "cherry-picked" -> GitVerdicts.cherryPicked(check, facts, parameters);
            case "merged" -> GitVerdicts.merged(check, facts, branch, Text.string(parameters, "from", ""));
            case "file" -> GitVerdicts.file(check, facts, branch, parameters);
            default -> GitVerdicts.secretAbsent(check, facts);
        };
    }

    /** The repository's git directory as a tar: {@code repo/.git}, or {@code repo} itself when it is bare. */
    private static FileResult.@org.jspecify.annotations.Nullable Content repository(
            LabView lab, String repo, long maxBytes, CheckResult.Builder check) {
        String gitDirectory = repo.endsWith("/") ? repo + ".git" : repo + "/.git";
        FileResult read = lab.readTree(gitDirectory, maxBytes);
        if (read instanceof FileResult.Missing) {
            read = lab.readTree(repo, maxBytes);
        }
        if (read instanceof FileResult.Content content) {
            check.evidence(new Evidence("git repository (tar)", repo, content.sha256(), content.size()));
            return content;
        }
        check.expect(
                false,
                read instanceof FileResult.Refused refused
                        ? "the repository " + repo + " was not read: " + refused.reason()
                        : "there is no repository at " + repo);
        return null;
    }

    private static Facts facts(LabView lab, FileResult.Content tree, String expect, Map<String, Object> parameters) {
        Map<String, byte[]> files = new HashMap<>();
        files.put("repo.tar", tree.bytes());
        files.put("git-facts.sh", script());
        for (String name : List.of("branch", "from", "subject", "path", "secret")) {
            Object value = parameters.get(name);
            if (value != null) {
                files.put(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        CommandResult result = lab.inSandbox(files, List.of("bash", "git-facts.sh", expect), lab.timeLeft());
        if (result.exitCode() == 126 || result.exitCode() == 127) {
            throw new LabUnavailableException(
                    "bash or git is missing from the sandbox image", new IllegalStateException(result.stderr()));
        }
        if (result.timedOut() || result.exitCode() == 137) {
            // Our git ran out of the sandbox's memory or the check's time on the candidate's own data (a
            // decompression bomb, say): that is the repository's doing, so it fails, with the reason shown.
            return Facts.parse("error\tthe repository is too large or too slow to read within the grading sandbox's"
                    + " limits (256 MiB, the check's timeout)\n");
        }
        if (result.exitCode() != 0 && result.exitCode() != 3) {
            throw new LabUnavailableException(
                    "our git could not finish reading the repository (exit " + result.exitCode()
                            + (result.timedOut() ? ", timed out" : "") + "): " + Text.excerpt(result.stderr()),
                    new IllegalStateException(result.stderr()));
        }
        return Facts.parse(result.stdout());
    }

    private static byte[] script() {
        try (InputStream in = GitGrader.class.getResourceAsStream("git-facts.sh")) {
            if (in == null) {
                throw new IllegalStateException("git-facts.sh is missing from the graders jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's output: facts by name, each a list of tab-separated values; a file's content after "---". */
    record Facts(Map<String, List<List<String>>> byName, String content) {
        static Facts parse(String output) {
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
            return new Facts(byName, body < 0 ? "" : output.substring(body + 5));
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
            return lines.isEmpty() || lines.get(0).isEmpty()
                    ? "-"
                    : lines.get(0).get(0);
        }

        /** The values of the first line of that name after the first, joined by a space. */
        String rest(String name) {
            List<List<String>> lines = all(name);
            return lines.isEmpty() || lines.get(0).size() < 2
                    ? ""
                    : String.join(" ", lines.get(0).subList(1, lines.get(0).size()));
        }
    }
}
