package dev.assay.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker command line, for tests that act on the engine behind the service's back. */
public final class DockerCli {
    private DockerCli() {}

    /** Runs {@code docker <args>} and returns its trimmed output (stdout and stderr); fails on a non-zero exit. */
    public static String run(String... args) {
        String out = attempt(args);
        if (out.startsWith(FAILED)) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " " + out);
        }
        return out;
    }

    /** Like {@link #run} but a failure is an answer, not an error (inspecting what may be gone). */
    public static String attempt(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return FAILED + "timed out: " + out;
            }
            return process.exitValue() == 0 ? out : FAILED + "exit " + process.exitValue() + ": " + out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the docker CLI: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running docker", e);
        }
    }

    /**
     * Removes every container with the label {@code assay.instance=<instance>}, for test clean-up. The service may
     * be removing some of them at the same moment ("removal ... already in progress", "No such container"), so a
     * failed {@code rm} is retried until none is left; it fails only if containers remain after 60 seconds.
     */
    public static void removeInstance(String instance) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (true) {
            String ids = run("ps", "-aq", "--filter", "label=assay.instance=" + instance);
            if (ids.isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "containers of instance " + instance + " still there after 60 s: " + ids + "; last: " + last);
            }
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(ids.lines().toList());
            last = attempt(rm.toArray(String[]::new));
            if (last.startsWith(FAILED)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted removing containers", e);
                }
            }
        }
    }

    /** The prefix of {@link #attempt}'s answer when docker failed. */
    public static final String FAILED = "FAILED ";
}
