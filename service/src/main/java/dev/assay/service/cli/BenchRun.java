package dev.assay.service.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One bench run's name and everything it started. Every container and network the run makes carries the labels
 * {@code assay.managed=true}, {@code assay.instance=<name>} and {@code assay.expires-at}; {@link #close()} removes
 * them all (and the child service, and the temporary folders), and so does a shutdown hook on Ctrl-C. A run killed
 * outright leaves labelled containers that expire within {@link #LIFETIME}: the next run removes them
 * ({@link #sweepExpired()}), and an installation's reaper never touches them (their instance is not its own).
 */
final class BenchRun implements AutoCloseable {
    static final String PREFIX = "bench-";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final String instance = PREFIX + UUID.randomUUID().toString().substring(0, 8);
    private final List<Path> folders = new CopyOnWriteArrayList<>();
    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::cleanUp, "bench-cleanup");
    private boolean cleaned;

    BenchRun() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The {@code assay.instance} of this run's lab containers; the child service uses {@code <name>-svc}. */
    String instance() {
        return instance;
    }

    Instant expiresAt() {
        return Instant.now().plus(LIFETIME);
    }

    Path folder() throws IOException {
        Path folder = Files.createTempDirectory("assay-bench");
        folders.add(folder);
        return folder;
    }

    void adopt(Process child) {
        children.add(child);
    }

    /** Labels for a container the run starts by hand (the bare docker run floor). */
    List<String> labelArguments() {
        return List.of(
                "--label",
                "assay.managed=true",
                "--label",
                "assay.instance=" + instance,
                "--label",
                "assay.session=bare",
                "--label",
                "assay.expires-at=" + expiresAt());
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        for (Process child : children) {
            child.destroy();
            try {
                if (!child.waitFor(15, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        removeUntilQuiet();
        folders.forEach(BenchRun::delete);
    }

    /**
     * On Ctrl-C the run's threads go on while this hook runs, and a provision in flight can create its container
     * after a sweep: sweep until one finds nothing, for at most a minute (the driver's call deadline).
     */
    private void removeUntilQuiet() {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int found;
        do {
            found = 0;
            for (String owner : List.of(instance, instance + "-svc")) {
                found += BenchDocker.removeLabelled("assay.instance=" + owner);
            }
            if (found > 0) {
                sleep();
            }
        } while (found > 0 && System.nanoTime() < until);
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes what earlier runs left behind (killed outright) once it has expired. */
    static void sweepExpired() {
        Instant now = Instant.now();
        for (String kind : List.of("container", "network")) {
            List<String> stale = new ArrayList<>();
            for (String line : BenchDocker.listManaged(kind)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 3 && fields[1].startsWith(PREFIX) && expired(fields[2], now)) {
                    stale.add(fields[0]);
                }
            }
            BenchDocker.remove(kind, stale);
        }
    }

    private static boolean expired(String expiresAt, Instant now) {
        try {
            return !Instant.parse(expiresAt).isAfter(now);
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }
}
