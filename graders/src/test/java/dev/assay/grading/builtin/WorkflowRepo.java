package dev.assay.grading.builtin;

import dev.assay.grading.CheckResult;
import dev.assay.grading.CommandResult;
import dev.assay.grading.FileResult;
import dev.assay.grading.FixtureLab;
import dev.assay.grading.LabView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A repository at {@code /repo} for github-actions grader tests: every file readable one by one (as the archive API
 * reads a file, links followed) and the workflows directory as a tree (as it reads a directory: regular files
 * only, so a link out of it is absent).
 */
final class WorkflowRepo {
    static final String ROOT = "/repo";
    static final String WORKFLOWS = ROOT + "/.github/workflows";
    static final String CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683";
    static final String NODE = "actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af";
    static final String AWS = "aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502";
    static final String SCRIPT = "actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea";

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> links = new LinkedHashMap<>();

    /** A workflow file of .github/workflows. */
    WorkflowRepo workflow(String name, String text) {
        return file(".github/workflows/" + name, text);
    }

    /** Any file, by its path in the repository. */
    WorkflowRepo file(String relative, String text) {
        files.put(relative, text);
        return this;
    }

    /** A symbolic link at {@code relative} to a file outside the repository holding {@code text}. */
    WorkflowRepo linkOut(String relative, String text) {
        links.put(relative, text);
        return this;
    }

    LabView lab() {
        FixtureLab fixture = new FixtureLab();
        files.forEach((relative, text) -> fixture.file(ROOT + "/" + relative, text));
        links.forEach((relative, text) -> fixture.file(ROOT + "/" + relative, text));
        Map<String, String> tree = new LinkedHashMap<>();
        files.forEach((relative, text) -> {
            if (relative.startsWith(".github/workflows/")) {
                tree.put(relative.substring(".github/workflows/".length()), text);
            }
        });
        return new TreeLab(fixture, Map.of(WORKFLOWS, tar(tree)));
    }

    /** Grades one workflow file of this repository with these rules. */
    CheckResult gradeFile(String name, Map<String, Object> rules) {
        return grade(WORKFLOWS + "/" + name, rules);
    }

    /** Grades the whole workflows directory with these rules. */
    CheckResult gradeDirectory(Map<String, Object> rules) {
        return grade(WORKFLOWS, rules);
    }

    private CheckResult grade(String path, Map<String, Object> rules) {
        Map<String, Object> parameters = new HashMap<>(rules);
        parameters.put("path", path);
        return new GithubActionsGrader().grade(lab(), parameters);
    }

    /** A repository with one workflow, ci.yml. */
    static WorkflowRepo ci(String text) {
        return new WorkflowRepo().workflow("ci.yml", text);
    }

    /** A ustar archive of these files (names may hold a directory), as the engine hands a tree over. */
    static byte[] tar(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach((name, text) -> {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 124, String.format("%011o", data.length));
            header[156] = '0';
            put(header, 257, "ustar");
            out.writeBytes(header);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        });
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, at, Math.min(bytes.length, 100));
    }

    /** A fixture lab whose trees are given as archives. */
    private record TreeLab(FixtureLab inner, Map<String, byte[]> trees) implements LabView {
        @Override
        public FileResult readTree(String path, long maxBytes) {
            byte[] tar = trees.get(path);
            return tar == null
                    ? new FileResult.Missing(path)
                    : new FileResult.Content(tar, tar.length, false, sha256(tar), 040755, 0, "root");
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public FileResult readFile(String path, long maxBytes) {
            return inner.readFile(path, maxBytes);
        }

        @Override
        public CommandResult inLab(List<String> command, Duration timeout) {
            return inner.inLab(command, timeout);
        }

        @Override
        public CommandResult inProbe(List<String> command, Duration timeout) {
            return inner.inProbe(command, timeout);
        }

        @Override
        public CommandResult inSandbox(Map<String, byte[]> files, List<String> command, Duration timeout) {
            return inner.inSandbox(files, command, timeout);
        }

        @Override
        public byte[] labFile(String relativePath) {
            return inner.labFile(relativePath);
        }

        @Override
        public List<String> kubernetesObjects(String apiVersion, String kind, @Nullable String name) {
            return inner.kubernetesObjects(apiVersion, kind, name);
        }

        @Override
        public boolean kubernetesAllows(String subject, String verb, String apiGroup, String resource) {
            return inner.kubernetesAllows(subject, verb, apiGroup, resource);
        }

        @Override
        public Set<String> changedFromImage() {
            return inner.changedFromImage();
        }

        @Override
        public Duration timeLeft() {
            return inner.timeLeft();
        }
    }
}
