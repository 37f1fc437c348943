package dev.assay.grading.actions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What GitHub would run for the files a check names: the workflows graded, and the local actions and reusable
 * workflows they use (read by the grader as they would be checked out). {@code graded} are the workflows the check
 * is about; {@code called} local reusable workflows they call. {@code unreadable} holds, by repository path, why a
 * local file could not be read (a rule that depends on it cannot pass). {@code notes} are things the grader read
 * but does not know, or could not judge, reported as observations.
 */
public record Repository(
        List<Workflow> graded,
        List<Workflow> called,
        Map<String, JsonNode> actions,
        Map<String, String> unreadable,
        List<String> notes) {
    private static final java.util.regex.Pattern SLASH = java.util.regex.Pattern.compile("/");

    /** Graded and called workflows. */
    public List<Workflow> workflows() {
        List<Workflow> all = new ArrayList<>(graded);
        all.addAll(called);
        return all;
    }

    public List<Workflow.Job> jobs() {
        List<Workflow.Job> jobs = new ArrayList<>();
        workflows().forEach(w -> jobs.addAll(w.jobs()));
        return jobs;
    }

    /** A local reusable workflow by its repository path. */
    public Optional<Workflow> workflow(String path) {
        return workflows().stream().filter(w -> w.path().equals(path)).findFirst();
    }

    /** The path in the repository that a local {@code uses} ({@code ./x} or {@code $/x}) names; empty if none. */
    public static Optional<String> localPath(String uses) {
        String rest;
        if (uses.startsWith("./")) {
            rest = uses.substring(2);
        } else if (uses.startsWith("$/")) {
            rest = uses.substring(2);
        } else {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : SLASH.split(rest, -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.of("..");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** An empty repository to build on. */
    public static Repository of(List<Workflow> graded) {
        return new Repository(
                List.copyOf(graded),
                new ArrayList<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new ArrayList<>());
    }
}
