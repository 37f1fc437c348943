package dev.assay.service.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A validated lab, read from {@code labs/<id>/lab.yaml}. Paths are absolute and exist. See labs/README.md
 * for the meaning of every field.
 */
public record Lab(
        String id,
        String version,
        String title,
        String summary,
        String stage,
        String difficulty,
        Duration timeLimit,
        Map<String, Double> skills,
        Environment environment,
        Path instructions,
        Path interviewerNotes,
        List<Check> checks,
        double freePointsCeiling,
        Path solution,
        List<Mutant> mutants,
        List<Tamper> tampers,
        Path directory,
        LabParameters parameters) {

    /** A lab without parameters: every candidate gets the same scenario. */
    public Lab(
            String id,
            String version,
            String title,
            String summary,
            String stage,
            String difficulty,
            Duration timeLimit,
            Map<String, Double> skills,
            Environment environment,
            Path instructions,
            Path interviewerNotes,
            List<Check> checks,
            double freePointsCeiling,
            Path solution,
            List<Mutant> mutants,
            List<Tamper> tampers,
            Path directory) {
        this(
                id,
                version,
                title,
                summary,
                stage,
                difficulty,
                timeLimit,
                skills,
                environment,
                instructions,
                interviewerNotes,
                checks,
                freePointsCeiling,
                solution,
                mutants,
                tampers,
                directory,
                LabParameters.NONE);
    }

    public static final List<String> STAGES = List.of("technical", "system-design");
    public static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");

    /** Total points of the lab's checks. */
    public double points() {
        return checks.stream().mapToDouble(Check::points).sum();
    }

    /** Where and how the lab runs. {@code image} or {@code build} (a Dockerfile) names the image. */
    public record Environment(
            String kind,
            @Nullable String image,
            @Nullable Path build,
            Resources resources,
            List<String> capabilities,
            String network,
            List<SetupStep> setup,
            List<Path> kubernetesObjects,
            List<String> kubernetesGrants) {}

    /** Limits: CPUs, memory and disk in bytes, process count. */
    public record Resources(double cpus, long memoryBytes, int pids, long diskBytes) {}

    /** A step that plants the scenario before the candidate arrives: a command or a script file. */
    public record SetupStep(
            String name, @Nullable String run, @Nullable Path script, Duration timeout) {}

    /** One graded check. */
    public record Check(
            String id,
            String title,
            String grader,
            Map<String, Object> parameters,
            double points,
            Map<String, Double> skills,
            Visibility visibility,
            @Nullable String hint,
            Duration timeout,
            boolean gate) {}

    /** Who sees a check's result: the candidate (progress checks, hints), only staff, or no one but the grade. */
    public enum Visibility {
        CANDIDATE,
        INTERVIEWER,
        HIDDEN;

        /** As lab.yaml, stored results and the API write it. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static List<String> wires() {
            return java.util.Arrays.stream(values()).map(Visibility::wire).toList();
        }

        public static Visibility of(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A near-miss wrong solution; the self-test requires each named check to fail after it is applied, and every
     * other check to pass. With {@code onSolution} the script runs after the reference solution, so a near miss is
     * written as the small change it is.
     */
    public record Mutant(String id, String description, Path script, List<String> fails, boolean onSolution) {
        public Mutant(String id, String description, Path script, List<String> fails) {
            this(id, description, script, fails, false);
        }
    }

    /**
     * An attempt to pass without doing the work, written as a candidate who reads the lab with the repository open
     * would (an impostor listener, a replaced binary, keywords in a comment); the self-test requires its counted
     * score to stay at or below the untouched lab's.
     */
    public record Tamper(String id, String description, Path script) {}
}
