package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.LabView;
import dev.assay.grading.ParameterSpec;
import dev.assay.grading.ParameterSpec.Problem;
import dev.assay.grading.ParameterSpec.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a candidate's git repository as a fresh clone of it would get it, without trusting the lab's git: the
 * git directory is read through the engine's archive API ({@link GitRepository}) and handed to our git in a
 * sandbox, where a script of ours ({@code git-facts.sh}) drops everything that could run code or bend history,
 * re-hashes every object, clones the copy with {@code --mirror} and prints facts about the clone; this class
 * turns the facts into a verdict ({@link GitVerdicts}, {@link GitSecretVerdict}).
 */
public final class GitGrader extends BuiltinGrader {
    /** Default cap on the repository's files, summed. */
    static final long MAX_BYTES = 32L << 20;

    private static final Set<String> EXPECTATIONS =
            Set.of("branch", "contains", "reverted", "cherry-picked", "merged", "file", "secret-absent");
    private static final Map<String, List<String>> NEEDS = Map.of(
            "branch", List.of(),
            "contains", List.of(),
            "reverted", List.of("branch"),
            "cherry-picked", List.of("branch", "from"),
            "merged", List.of("branch", "from"),
            "file", List.of("path"),
            "secret-absent", List.of("secret"));
    /** Expectations about a branch or, instead, a tag. */
    private static final Set<String> BRANCH_OR_TAG = Set.of("branch", "contains", "file");
    /** Expectations about one commit, named by its subject or its id. */
    private static final Set<String> ABOUT_A_COMMIT = Set.of("contains", "reverted", "cherry-picked");

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,199}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .required("repo", Type.STRING, "the repository in the lab: a working tree with .git, or a bare one")
            .oneOf("expect", true, EXPECTATIONS, "what must hold of the repository (see graders/README.md)")
            .optional("branch", Type.STRING, "the branch it is about, such as main or release/1.4")
            .optional("tag", Type.STRING, "instead of a branch, the tag it is about (branch, contains, file)")
            .optional("from", Type.STRING, "the branch the commit or merge comes from (cherry-picked, merged)")
            .optional(
                    "subject",
                    Type.STRING,
                    "a commit's exact subject line (reverted, cherry-picked); a regular expression for contains")
            .optional(
                    "commit",
                    Type.STRING,
                    "a commit's full id, instead of its subject (contains, reverted, cherry-picked)")
            .optional("only", Type.BOOLEAN, "cherry-picked: no other commit of from may be on the branch either")
            .optional(
                    "base", Type.STRING, "cherry-picked: the full id of the commit the branch stood at before the work")
            .optional("path", Type.STRING, "a file in the branch's tip, relative to the repository root (file)")
            .optional("content", Type.REGEX, "a regular expression that file's content must match (file)")
            .optional("secret", Type.STRING, "text no ref of the repository may reach, 6 characters or more")
            .optional("maxBytes", Type.INTEGER, "refuse repositories larger than this (default 32 MiB)")
            .rule(GitGrader::problems)
            .build();

    public GitGrader() {
        super(
                "git",
                "2",
                "branches, commits, reverts, cherry-picks, merges and what history holds, judged on what a clone gets,"
                        + " by our git in a sandbox",
                PARAMETERS);
    }

    private static List<Problem> problems(Map<String, Object> values) {
        List<Problem> problems = new ArrayList<>();
        String repo = String.valueOf(values.get("repo"));
        String expect = String.valueOf(values.get("expect"));
        if (!repo.startsWith("/") || repo.contains("..")) {
            problems.add(new Problem("repo", "must be an absolute path without .."));
        }
        for (String needed : NEEDS.getOrDefault(expect, List.of())) {
            if (!values.containsKey(needed)) {
                problems.add(new Problem(needed, "is needed for expect: " + expect));
            }
        }
        if (BRANCH_OR_TAG.contains(expect) && values.containsKey("branch") == values.containsKey("tag")) {
            problems.add(new Problem("branch", "give the branch or the tag (tag) it is about, one of them"));
        } else if (!BRANCH_OR_TAG.contains(expect) && values.containsKey("tag")) {
            problems.add(new Problem("tag", "is only for expect: branch, contains or file"));
        }
        if (ABOUT_A_COMMIT.contains(expect) && values.containsKey("subject") == values.containsKey("commit")) {
            problems.add(new Problem("subject", "give the commit's subject or its id (commit), one of them"));
        }
        for (String name : List.of("commit", "base")) {
            Object commit = values.get(name);
            if (commit != null && !COMMIT.matcher(String.valueOf(commit)).matches()) {
                problems.add(new Problem(name, "must be a full commit id: 40 (or 64) lower-case hex digits"));
            }
        }
        for (String name : List.of("branch", "tag", "from")) {
            Object branch = values.get(name);
            if (branch != null
                    && (!BRANCH.matcher(String.valueOf(branch)).matches()
                            || String.valueOf(branch).contains("..")
                            || String.valueOf(branch).endsWith(".lock"))) {
                problems.add(new Problem(name, "is not a plain name such as main, release/1.4 or v1.0"));
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
        if ("contains".equals(expect) && values.get("subject") instanceof String regex) {
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
        FileResult.Content tree = GitRepository.read(lab, repo, Text.number(parameters, "maxBytes", MAX_BYTES), check);
        if (tree == null) {
            return check.build();
        }
        GitFacts facts = GitFacts.find(lab, tree, expect, parameters);
        if (facts.has("error")) {
            return check.expect(false, "the repository cannot be judged: " + facts.first("error"))
                    .build();
        }
        if (facts.has("clone")) {
            check.observe("what a clone gets", facts.first("clone") + " refs, " + facts.rest("clone") + " objects");
        }
        if ("secret-absent".equals(expect)) {
            return GitSecretVerdict.judge(check, facts);
        }
        String branch = GitVerdicts.where(parameters);
        String kind = parameters.containsKey("tag") ? "tag" : "branch";
        if (!facts.present("tip")) {
            return check.observe(kind + " " + branch, "missing")
                    .expect(false, "there is no " + kind + " " + branch + " (refs/" + kind + "s/" + branch + ")")
                    .build();
        }
        check.observe(kind + " " + branch, facts.first("tip"));
        return switch (expect) {
            case "branch" -> check.success(kind + " " + branch + " exists").build();
            case "contains" -> GitVerdicts.contains(check, facts, parameters);
            case "reverted" -> GitVerdicts.reverted(check, facts, parameters);
            case "cherry-picked" -> GitPickVerdict.judge(check, facts, parameters);
            case "merged" -> GitVerdicts.merged(check, facts, branch, Text.string(parameters, "from", ""));
            default -> GitVerdicts.file(check, facts, branch, parameters);
        };
    }
}
