package dev.assay.service.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, for the floors (what a person would type) and for cleaning up by label. */
final class BenchDocker {
    private BenchDocker() {}

    /** Runs {@code docker args...} and returns its standard output; a failure or 60 s without an end is an error. */
    static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker " + String.join(" ", args) + " took over 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "docker " + String.join(" ", args) + " failed (exit " + process.exitValue() + ")");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run docker (is the CLI installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during docker " + String.join(" ", args), e);
        }
    }

    /** {@code id \t instance \t expires-at} of every Assay-managed container or network ({@code kind}). */
    static List<String> listManaged(String kind) {
        String format = "{{.ID}}\t{{.Label \"assay.instance\"}}\t{{.Label \"assay.expires-at\"}}";
        String out = kind.equals("container")
                ? run("ps", "-a", "--filter", "label=assay.managed=true", "--format", format)
                : run("network", "ls", "--filter", "label=assay.managed=true", "--format", format);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Removes every container, then every network, carrying {@code label} ({@code key=value}); returns how many it
     * found. Never throws.
     */
    static int removeLabelled(String label) {
        try {
            List<String> containers =
                    run("ps", "-aq", "--filter", "label=" + label).lines().toList();
            remove("container", containers);
            List<String> networks = run("network", "ls", "-q", "--filter", "label=" + label)
                    .lines()
                    .toList();
            remove("network", networks);
            return (int) (containers.stream().filter(id -> !id.isBlank()).count()
                    + networks.stream().filter(id -> !id.isBlank()).count());
        } catch (IllegalStateException e) {
            System.err.println("cleaning up " + label + ": " + e.getMessage());
            return 1;
        }
    }

    static void remove(String kind, List<String> ids) {
        List<String> present = ids.stream().filter(id -> !id.isBlank()).toList();
        if (present.isEmpty()) {
            return;
        }
        List<String> command =
                new ArrayList<>(kind.equals("container") ? List.of("rm", "-f") : List.of("network", "rm"));
        command.addAll(present);
        run(command.toArray(String[]::new));
    }
}
