package dev.assay.service.labs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds the self-test runs labs with parameters under: {@code -Dassay.selftest.seeds=N} of them (1 by default),
 * starting from {@code -Dassay.selftest.seed=S} when given (to replay a failure), else from the commit under test
 * ({@code git rev-parse HEAD}, hashed), so that each commit tries other variants and a failure names its seed.
 */
final class SelfTestSeeds {
    static final String SEED_PROPERTY = "assay.selftest.seed";
    static final String COUNT_PROPERTY = "assay.selftest.seeds";
    /** A fixed variant key, so that a seed printed in the table replays the same values. */
    static final byte[] VARIANT_KEY =
            "assay self-test variant key, 32+".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final dev.assay.service.catalog.Variant DRAW = new dev.assay.service.catalog.Variant(VARIANT_KEY);

    private SelfTestSeeds() {}

    static List<Long> seeds() {
        int count = Math.max(
                1, Integer.parseInt(System.getProperty(COUNT_PROPERTY, "1").trim()));
        String given = System.getProperty(SEED_PROPERTY, "").trim();
        long first = given.isEmpty() ? fromCommit() : Long.parseLong(given);
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(first + i);
        }
        return seeds;
    }

    /** The first seed after {@code seed} whose every value of the lab differs from that seed's. */
    static long differing(dev.assay.service.catalog.Variant draw, dev.assay.service.catalog.Lab lab, long seed) {
        java.util.Map<String, String> values = draw.values(seed, lab.id(), lab.parameters());
        for (long next = seed + 1; next < seed + 1000; next++) {
            java.util.Map<String, String> other = draw.values(next, lab.id(), lab.parameters());
            if (values.entrySet().stream().noneMatch(e -> e.getValue().equals(other.get(e.getKey())))) {
                return next;
            }
        }
        throw new AssertionError("no seed within 1000 of " + seed + " gives " + lab.id() + " other values throughout");
    }

    /** The first 8 bytes of SHA-256 over the commit id; 1 outside a git checkout. */
    private static long fromCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (git.waitFor() != 0 || !head.matches("[0-9a-f]{40,64}")) {
                return 1;
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(head.getBytes(StandardCharsets.US_ASCII));
            return java.nio.ByteBuffer.wrap(hash).getLong() >>> 1;
        } catch (IOException | NoSuchAlgorithmException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
