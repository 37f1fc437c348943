package dev.assay.grading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A lab as recorded evidence, for grader tests: files as the engine would return them and command results as the
 * lab or a probe would print them. Graders are functions of what they read, so a fixture is the evidence itself;
 * the integration tests run the same graders against real containers.
 */
public final class FixtureLab implements LabView {
    private final List<String> changed = new java.util.ArrayList<>();
    private final Map<String, FileResult> files = new HashMap<>();
    private Function<List<String>, CommandResult> lab = command -> ok("");
    private Function<List<String>, CommandResult> probe = command -> ok("");
    private BiFunction<Map<String, byte[]>, List<String>, CommandResult> sandbox = (files, command) -> ok("");
    private final Map<String, FileResult> trees = new HashMap<>();
    private final List<String> kubeObjects = new ArrayList<>();
    private final List<String> kubeLater = new ArrayList<>();
    private int kubeReads;
    private final java.util.Set<String> kubeAllowed = new java.util.HashSet<>();
    private final Map<String, byte[]> labFiles = new HashMap<>();
    private final List<Map<String, byte[]>> sandboxFiles = new ArrayList<>();
    private final List<List<String>> labCommands = new ArrayList<>();
    private final List<List<String>> probeCommands = new ArrayList<>();
    private final List<List<String>> sandboxCommands = new ArrayList<>();

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
        this.sandbox = (files, command) -> answer.apply(files);
        return this;
    }

    /**
     * Runs sandbox commands for real, with this machine's tools (git, bash, tar), in a fresh temporary directory
     * holding the files: for graders whose logic lives in a script they hand to the sandbox.
     */
    public FixtureLab sandboxOnHost() {
        this.sandbox = HostSandbox::run;
        return this;
    }

    /** A directory of the lab, read as the engine would hand it over: a tar of {@code directory}'s content. */
    public FixtureLab tree(String path, Path directory) {
        byte[] tar = HostSandbox.tar(directory);
        trees.put(path, new FileResult.Content(tar, tar.length, false, sha256(tar), 040755, 0, "root"));
        return this;
    }

    /** A directory the engine refused to hand over (too large, say). */
    public FixtureLab refusedTree(String path, String reason) {
        trees.put(path, new FileResult.Refused(path, reason));
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

    public List<List<String>> sandboxCommands() {
        return sandboxCommands;
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
        sandboxCommands.add(command);
        return sandbox.apply(files, command);
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

    /** Kubernetes objects of the lab's namespace, as the API server returns them (JSON). */
    public FixtureLab kube(String... objects) {
        kubeObjects.addAll(List.of(objects));
        return this;
    }

    /** The objects the API server holds from the second read on (a pod that restarts while watched). */
    public FixtureLab kubeLater(String... objects) {
        kubeLater.addAll(List.of(objects));
        return this;
    }

    /**
     * What the API server answers to access reviews: "subject verb group/resource" of the allowed ones, or
     * "subject verb group/resource name" for one named object.
     */
    public FixtureLab kubeAllows(String... allowed) {
        kubeAllowed.addAll(List.of(allowed));
        return this;
    }

    @Override
    public List<String> kubernetesObjects(String apiVersion, String kind, @Nullable String name) {
        List<String> now = kubeReads++ > 0 && !kubeLater.isEmpty() ? kubeLater : kubeObjects;
        return now.stream()
                .filter(json -> {
                    com.fasterxml.jackson.databind.JsonNode object = readJson(json);
                    return object.path("kind").asText().equals(kind)
                            && (name == null
                                    || object.path("metadata")
                                            .path("name")
                                            .asText()
                                            .equals(name));
                })
                .toList();
    }

    @Override
    public boolean kubernetesAllows(String subject, String verb, String apiGroup, String resource) {
        return kubeAllowed.contains(subject + " " + verb + " " + apiGroup + "/" + resource);
    }

    /** A named object: allowed when "subject verb group/resource name" is, or the resource as a whole is. */
    @Override
    public boolean kubernetesAllows(
            String subject, String verb, String apiGroup, String resource, @Nullable String name) {
        return kubernetesAllows(subject, verb, apiGroup, resource)
                || (name != null
                        && kubeAllowed.contains(subject + " " + verb + " " + apiGroup + "/" + resource + " " + name));
    }

    @Override
    public FileResult readTree(String path, long maxBytes) {
        return trees.getOrDefault(path, new FileResult.Missing(path));
    }

    /** Paths the engine reports as changed from the image. */
    public FixtureLab changed(String... paths) {
        changed.addAll(List.of(paths));
        return this;
    }

    @Override
    public java.util.Set<String> changedFromImage() {
        return java.util.Set.copyOf(changed);
    }

    @Override
    public Duration timeLeft() {
        return Duration.ofSeconds(10);
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("fixture object is not JSON: " + json, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
