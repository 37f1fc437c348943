package dev.assay.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A lab as recorded evidence, for grader tests: files as the engine would return them and command results as the
 * lab or a probe would print them. Graders are functions of what they read, so a fixture is the evidence itself;
 * the integration tests run the same graders against real containers.
 */
public final class FixtureLab implements LabView {
    private final Map<String, FileResult> files = new HashMap<>();
    private Function<List<String>, CommandResult> lab = command -> ok("");
    private Function<List<String>, CommandResult> probe = command -> ok("");
    private Function<Map<String, byte[]>, CommandResult> sandbox = files -> ok("");
    private final Map<String, byte[]> labFiles = new HashMap<>();
    private final List<Map<String, byte[]>> sandboxFiles = new ArrayList<>();
    private final List<List<String>> labCommands = new ArrayList<>();
    private final List<List<String>> probeCommands = new ArrayList<>();

    public static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "", false, false, Duration.ofMillis(5));
    }

    public static CommandResult exit(int code, String stdout, String stderr) {
        return new CommandResult(code, stdout, stderr, false, false, Duration.ofMillis(5));
    }

    public FixtureLab file(String path, String content, int mode, int uid, String owner) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.put(path, new FileResult.Content(bytes, bytes.length, false, sha256(bytes), mode, uid, owner));
        return this;
    }

    public FixtureLab file(String path, String content) {
        return file(path, content, 0644, 0, "root");
    }

    public FixtureLab refused(String path, String reason) {
        files.put(path, new FileResult.Refused(path, reason));
        return this;
    }

    public FixtureLab lab(Function<List<String>, CommandResult> answer) {
        this.lab = answer;
        return this;
    }

    public FixtureLab probe(Function<List<String>, CommandResult> answer) {
        this.probe = answer;
        return this;
    }

    /** What the sandbox answers, given the files it was handed. */
    public FixtureLab sandbox(Function<Map<String, byte[]>, CommandResult> answer) {
        this.sandbox = answer;
        return this;
    }

    /** A file of the lab's own folder (hidden tests and the like). */
    public FixtureLab labFile(String relativePath, String content) {
        labFiles.put(relativePath, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public List<Map<String, byte[]>> sandboxFiles() {
        return sandboxFiles;
    }

    public List<List<String>> labCommands() {
        return labCommands;
    }

    public List<List<String>> probeCommands() {
        return probeCommands;
    }

    @Override
    public CommandResult inLab(List<String> command, Duration timeout) {
        labCommands.add(command);
        return lab.apply(command);
    }

    @Override
    public CommandResult inProbe(List<String> command, Duration timeout) {
        probeCommands.add(command);
        return probe.apply(command);
    }

    @Override
    public CommandResult inSandbox(Map<String, byte[]> files, List<String> command, Duration timeout) {
        sandboxFiles.add(files);
        return sandbox.apply(files);
    }

    @Override
    public byte[] labFile(String relativePath) {
        byte[] content = labFiles.get(relativePath);
        if (content == null) {
            throw new LabUnavailableException("no lab file " + relativePath, new IllegalStateException("fixture"));
        }
        return content;
    }

    @Override
    public FileResult readFile(String path, long maxBytes) {
        return files.getOrDefault(path, new FileResult.Missing(path));
    }

    @Override
    public Duration timeLeft() {
        return Duration.ofSeconds(10);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
