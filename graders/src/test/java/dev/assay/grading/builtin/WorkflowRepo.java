package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.FixtureLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A repository at {@code /repo} for github-actions grader tests: every file is readable one by one (as the
 * archive API reads a file) and the workflows directory as a tree (as it reads a directory).
 */
final class WorkflowRepo {
    static final String ROOT = "/repo";
    static final String WORKFLOWS = ROOT + "/.github/workflows";
    static final String CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683";
    static final String NODE = "actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af";
    static final String AWS = "aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502";
    static final String SCRIPT = "actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea";

    private final Map<String, String> files = new LinkedHashMap<>();

    /** A workflow file of .github/workflows. */
    WorkflowRepo workflow(String name, String text) {
        return file(".github/workflows/" + name, text);
    }

    /** Any file, by its path in the repository. */
    WorkflowRepo file(String relative, String text) {
        files.put(relative, text);
        return this;
    }

    /** The lab with every file readable, and the workflows directory as a tree when {@code withTree}. */
    FixtureLab lab(boolean withTree) {
        FixtureLab lab = new FixtureLab();
        files.forEach((relative, text) -> lab.file(ROOT + "/" + relative, text));
        if (!withTree) {
            return lab;
        }
        try {
            Path directory = Files.createTempDirectory("workflows");
            directory.toFile().deleteOnExit();
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getKey().startsWith(".github/workflows/")) {
                    Path target = directory.resolve(file.getKey().substring(".github/workflows/".length()));
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue());
                    target.toFile().deleteOnExit();
                }
            }
            lab.tree(WORKFLOWS, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lab;
    }

    /** Grades one workflow file of this repository with these rules. */
    CheckResult gradeFile(String name, Map<String, Object> rules) {
        return grade(WORKFLOWS + "/" + name, rules, false);
    }

    /** Grades the whole workflows directory with these rules. */
    CheckResult gradeDirectory(Map<String, Object> rules) {
        return grade(WORKFLOWS, rules, true);
    }

    private CheckResult grade(String path, Map<String, Object> rules, boolean withTree) {
        Map<String, Object> parameters = new HashMap<>(rules);
        parameters.put("path", path);
        return new GithubActionsGrader().grade(lab(withTree), parameters);
    }

    /** A repository with one workflow, ci.yml. */
    static WorkflowRepo ci(String text) {
        return new WorkflowRepo().workflow("ci.yml", text);
    }
}
